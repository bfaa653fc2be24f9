namespace Sigma.Responses.Domain;

/// <summary>
/// What the platform fills in for the bidder: an offer starts from the candidature's sites (never the reverse), the
/// Formacode the guide recommends for the pre-qualifying schemes, and, for PROJET PRO and E2C, the two competence
/// blocks of two modules each that the guide fixes.
/// </summary>
public static class Preremplissage
{
    public static string? FormacodePreconise(string dispositif) => dispositif.Trim().ToUpperInvariant() switch
    {
        "PROJET PRO" => "15062",
        "LECTIO" => "15041",
        "E2C" => "15054",
        _ => null,
    };

    private static readonly Dictionary<string, (string Bloc, string[] Modules)[]> Blocs = new()
    {
        ["PROJET PRO"] =
        [
            ("Bloc de compétences transversales", ["Remise à niveau individualisée en lien avec le projet professionnel",
                "Acquisition de compétences dont soft skills, apprendre à apprendre, numérique"]),
            ("Bloc de compétences professionnelles", ["Mise en œuvre d'une alternance en entreprise (stages) / immersion professionnelle",
                "Validation d'un ou de projet(s) professionnel(s)"]),
        ],
        ["E2C"] =
        [
            ("Bloc de compétences transversales", ["Mise en place d'un parcours individualisé / d'une pédagogie individualisée sur la base d'un positionnement",
                "Acquisition de compétences"]),
            ("Bloc de compétences professionnelles", ["Définition d'un ou de projet(s) professionnel(s)",
                "Mise en œuvre d'une alternance en entreprise (stages) / immersion professionnelle"]),
        ],
    };

    public static DonneesOffre NouvelleOffre(DonneesCandidature candidature, ConsultationConnue consultation, int lot)
    {
        var composante = new Composante
        {
            Numero = "1",
            Intitule = consultation.Lot(lot)?.Intitule,
            Formacode = FormacodePreconise(consultation.Dispositif),
            Modules = [],
        };
        if (Blocs.TryGetValue(consultation.Dispositif.Trim().ToUpperInvariant(), out var blocs))
        {
            var numeroModule = 1;
            for (var b = 0; b < blocs.Length; b++)
            {
                var numeroBloc = (b + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                composante.Blocs.Add(new BlocCompetences { Numero = numeroBloc, Intitule = blocs[b].Bloc });
                foreach (var module in blocs[b].Modules)
                {
                    composante.Modules.Add(new ModuleFormation
                    {
                        Numero = (numeroModule++).ToString(System.Globalization.CultureInfo.InvariantCulture), Intitule = module, Bloc = numeroBloc,
                    });
                }
            }
        }
        else
        {
            composante.Modules.Add(new ModuleFormation { Numero = "1" });
        }
        return new DonneesOffre
        {
            Sites = candidature.Sites.Where(s => !Saisie.Vide(s.Nom)).Select(s => new SiteOffre
            {
                Nom = s.Nom, CodePostal = s.CodePostal, Commune = s.Commune, InformationsComplementaires = s.Description,
            }).ToList(),
            Composantes = [composante],
        };
    }

    /// <summary>Modules without dates take their composante's dates, as the FAQ describes.</summary>
    public static void CompleterDatesDesModules(DonneesOffre offre)
    {
        foreach (var c in offre.Composantes)
        {
            foreach (var m in c.Modules)
            {
                m.DateDebut = Saisie.Vide(m.DateDebut) ? c.DateDebut : m.DateDebut;
                m.DateFin = Saisie.Vide(m.DateFin) ? c.DateFin : m.DateFin;
            }
        }
    }

    /// <summary>A change of the candidature that would leave existing offers wrong: a new form or a new co-contractor.</summary>
    public static bool EstMajeur(DonneesCandidature avant, DonneesCandidature apres) =>
        avant.Candidat.Type != apres.Candidat.Type
        || apres.Membres.Any(m => !Saisie.Vide(m.Siege.Siret) && avant.Membres.All(a => Normaliser(a.Siege.Siret) != Normaliser(m.Siege.Siret)))
        || apres.Membres.Count(m => !Saisie.Vide(m.Siege.RaisonSociale) || !Saisie.Vide(m.Siege.Siret))
           > avant.Membres.Count(m => !Saisie.Vide(m.Siege.RaisonSociale) || !Saisie.Vide(m.Siege.Siret));

    private static string Normaliser(string? siret) => new((siret ?? "").Where(char.IsAsciiDigit).ToArray());
}
