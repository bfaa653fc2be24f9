using System.Globalization;
using Microsoft.Extensions.Configuration;
using Sigma.BuildingBlocks.Stockage;
using Sigma.Documents.Contracts;

namespace Sigma.Responses.Infrastructure;

/// <summary>
/// The editions of a validated form (the guide's « Editions générées par la plate-forme »): filled from the form as
/// saved, printed in memory by the Documents module, sealed at once in the response's vault like a piece. Where the
/// form lacks a value a model needs, the edition prints « non renseigné ».
/// </summary>
public sealed class EditionsReponse(IMediator mediator, Coffre coffre, IConfiguration configuration)
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");

    /// <summary>One edition to print: its model, title, file name and the data its template reads.</summary>
    internal sealed record EditionAImprimer(ModeleDocument Modele, string Libelle, string Nom, object Donnees);

    public async Task<IReadOnlyList<EditionScellee>> CandidatureAsync(Reponse reponse, ConsultationConnue consultation, DonneesCandidature candidature, CancellationToken ct) =>
        await ScellerAsync(reponse, null, DeLaCandidature(consultation, candidature), consultation, ct);

    public async Task<IReadOnlyList<EditionScellee>> OffreAsync(Reponse reponse, ConsultationConnue consultation, DonneesCandidature candidature, OffreReponse offre,
        DonneesOffre donnees, CancellationToken ct) =>
        await ScellerAsync(reponse, offre.Id, DeLOffre(consultation, candidature, offre.Lot, donnees), consultation, ct);

    /// <summary>
    /// The editions the validated forms lack (never printed, or printed from a content saved since), printed and sealed:
    /// one event per form. The offers' editions name the candidate, so a candidature saved again makes them due too.
    /// </summary>
    /// <param name="candidatureValidee">The candidature is being validated: its editions are printed whatever its status says yet.</param>
    public async Task<IReadOnlyList<EditionsGenerees>> ManquantesAsync(Reponse reponse, ConsultationConnue consultation, DonneesCandidature candidature,
        Acteur acteur, DateTimeOffset maintenant, CancellationToken ct, bool candidatureValidee = false)
    {
        var generees = new List<EditionsGenerees>();
        if (candidatureValidee || reponse.StatutCandidature == StatutFormulaire.Valide && !reponse.EditionsAJour(null))
        {
            generees.Add(new(reponse.Id, null, await CandidatureAsync(reponse, consultation, candidature, ct), acteur.Identifiant, acteur.Nom, maintenant));
        }
        foreach (var offre in reponse.Offres.Where(o => o.Etat.Statut == StatutFormulaire.Valide && !reponse.EditionsAJour(o.Id)))
        {
            var donnees = await coffre.DescellerAsync<DonneesOffre>(reponse.ConsultationId, reponse.Id, offre.Etat.Contenu, ct);
            generees.Add(new(reponse.Id, offre.Id, await OffreAsync(reponse, consultation, candidature, offre, donnees, ct), acteur.Identifiant, acteur.Nom, maintenant));
        }
        return generees;
    }

    /// <summary>Fiche de présentation, DC1 and one DC2 per member (the candidate, then each co-contractor).</summary>
    internal IReadOnlyList<EditionAImprimer> DeLaCandidature(ConsultationConnue consultation, DonneesCandidature candidature)
    {
        var commun = Commun(consultation, candidature);
        var editions = new List<EditionAImprimer>
        {
            new(ModeleDocument.FichePresentation, "Fiche de présentation de l'organisme", "Fiche de présentation de l'organisme.pdf", commun),
            new(ModeleDocument.Dc1, "DC1 — Lettre de candidature", "DC1 - Lettre de candidature.pdf", commun),
        };
        var candidat = candidature.Candidat;
        var membres = new[] { new MembreEdition(candidat.EstGroupement ? "Mandataire" : "Candidat individuel", candidat.Siege, candidat.RepresentantLegal, candidat.Signataire,
            candidat.ChiffresAffaires, candidature.RepartitionPrestations) }
            .Concat(candidature.Membres.Select(m => new MembreEdition("Co-traitant", m.Siege, m.RepresentantLegal, m.Signataire, m.ChiffresAffaires, m.Prestations))).ToList();
        foreach (var (membre, rang) in membres.Select((m, i) => (m, i + 1)))
        {
            var libelle = membres.Count == 1 ? "DC2 — Déclaration du candidat" : $"DC2 — Déclaration du membre {rang} ({Nom(membre.Siege.RaisonSociale, $"membre {rang}")})";
            var nom = membres.Count == 1 ? "DC2 - Déclaration du candidat.pdf" : $"DC2 - Membre {rang} - {Nom(membre.Siege.RaisonSociale, "")}.pdf";
            editions.Add(new(ModeleDocument.Dc2, libelle, nom, new { commun.Acheteur, commun.Consultation, commun.Lots, commun.Candidature, commun.Groupement, Membre = membre }));
        }
        return editions;
    }

    /// <summary>Annexe pédagogique, fiche récapitulative, one DC4 per sub-contractor (where there is sub-contracting) and the acte d'engagement.</summary>
    internal IReadOnlyList<EditionAImprimer> DeLOffre(ConsultationConnue consultation, DonneesCandidature candidature, int lot, DonneesOffre donnees)
    {
        var modele = Offre(consultation, candidature, lot, donnees);
        var prefixe = $"Lot {lot} - ";
        var editions = new List<EditionAImprimer>
        {
            new(ModeleDocument.AnnexePedagogique, "Annexe pédagogique", prefixe + "Annexe pédagogique.pdf", modele),
            new(ModeleDocument.FicheRecapitulative, "Fiche récapitulative de l'offre", prefixe + "Fiche récapitulative de l'offre.pdf", modele),
        };
        if (donnees.Prestataires.SousTraitance == true)
        {
            foreach (var (sousTraitant, rang) in donnees.Prestataires.SousTraitants.Select((s, i) => (s, i + 1)))
            {
                editions.Add(new(ModeleDocument.Dc4, $"DC4 — Déclaration de sous-traitance ({Nom(sousTraitant.RaisonSociale, $"sous-traitant {rang}")})",
                    $"{prefixe}DC4 - Sous-traitant {rang} - {Nom(sousTraitant.RaisonSociale, "")}.pdf",
                    modele with { SousTraitant = sousTraitant, MontantTtc = Ttc(sousTraitant.Montant, donnees.Prestataires.AssujettiTva) }));
            }
        }
        editions.Add(new(ModeleDocument.ActeEngagement, "Acte d'engagement (ATTRI1)", prefixe + "Acte d'engagement.pdf", modele));
        return editions;
    }

    // Printed side by side: the printer bounds how many pages print at once.
    private async Task<IReadOnlyList<EditionScellee>> ScellerAsync(Reponse reponse, Guid? offreId, IReadOnlyList<EditionAImprimer> editions, ConsultationConnue consultation,
        CancellationToken ct) =>
        await Task.WhenAll(editions.Select(edition => ScellerAsync(reponse, offreId, edition, consultation, ct)));

    private async Task<EditionScellee> ScellerAsync(Reponse reponse, Guid? offreId, EditionAImprimer edition, ConsultationConnue consultation, CancellationToken ct)
    {
        var (modele, libelle, nom, donnees) = edition;
        var rendu = await mediator.Send(new RendreDocument(modele, libelle, consultation.Reference, donnees), ct);
        var id = Guid.NewGuid();
        using var flux = new MemoryStream(rendu.Pdf, writable: false);
        var (taille, sha) = await coffre.ScellerFichierAsync(reponse.ConsultationId, Stockages.Edition(reponse.Id, id), flux, long.MaxValue, ct);
        var version = offreId is { } o ? reponse.Offre(o)?.Etat.Version ?? 0 : reponse.Candidature?.Version ?? 0;
        return new EditionScellee(id, offreId, modele.ToString(), libelle, NomsDeFichiers.Sur(nom, "edition.pdf"), taille, sha, rendu.Empreinte,
            version, reponse.Candidature?.Version ?? 0);
    }

    // ---- What the templates read ----

    public sealed record AcheteurEdition(string? Nom, string? Adresse);

    public sealed record ConsultationEdition(string Reference, string Intitule, string Dispositif, string DateLimite);

    public sealed record LotEdition(int Numero, string Intitule, string Territoire, string UniteOeuvre, decimal Volume);

    public sealed record MembreEdition(string Role, Etablissement Siege, Personne RepresentantLegal, Personne Signataire, List<ChiffreAffaires> ChiffresAffaires, string? Prestations);

    public sealed record CandidatureEdition(AcheteurEdition Acheteur, ConsultationEdition Consultation, IReadOnlyList<LotEdition> Lots, DonneesCandidature Candidature,
        string? Forme, bool Seul, bool Conjoint, bool Solidaire, bool Groupement);

    public sealed record OffreEdition(AcheteurEdition Acheteur, ConsultationEdition Consultation, LotEdition Lot, Etablissement Candidat, string? Forme, string? FormeCourte,
        bool Groupement, IReadOnlyList<Membre> Membres, string? Repartition, Personne Signataire, DonneesOffre Offre, string UniteLibelle, string TotalHeures,
        string TotalEffectif, string? Tva, string? PrixTtc, string? MontantPrevisionnel, CompteEdition Compte, bool? PaiementDirect, SousTraitant? SousTraitant = null,
        string? MontantTtc = null);

    public sealed record CompteEdition(string? Titulaire, string? Iban, string? Bic);

    private CandidatureEdition Commun(ConsultationConnue consultation, DonneesCandidature candidature)
    {
        var type = candidature.Candidat.Type;
        return new CandidatureEdition(Acheteur(), Consultation(consultation),
            candidature.Candidat.Lots.Order().Select(n => consultation.Lot(n)).OfType<LotConnu>().Select(Lot).ToList(), candidature, Forme(type),
            type == TypeCandidature.Seul, type == TypeCandidature.GroupementConjoint, type == TypeCandidature.GroupementSolidaire, candidature.Candidat.EstGroupement);
    }

    private OffreEdition Offre(ConsultationConnue consultation, DonneesCandidature candidature, int lot, DonneesOffre offre)
    {
        var connu = consultation.Lot(lot) ?? new LotConnu(lot, "", "", "", 0);
        var prix = Decimal(offre.Prix.PrixUnitaireHt);
        var assujetti = offre.Prestataires.AssujettiTva;
        var candidat = candidature.Candidat;
        return new OffreEdition(Acheteur(), Consultation(consultation), Lot(connu), candidat.Siege, Forme(candidat.Type),
            candidat.Type switch { TypeCandidature.GroupementConjoint => "conjoint", TypeCandidature.GroupementSolidaire => "solidaire", _ => null },
            candidat.EstGroupement, candidature.Membres, candidature.RepartitionPrestations, candidat.Signataire, offre, UniteLibelle(connu.UniteOeuvre),
            Somme(offre.Composantes.Select(c => c.VolumeHoraire)), Somme(offre.Composantes.Select(c => c.Effectif)),
            assujetti switch { true => "assujetti : TVA à 20 %", false => "non assujetti (exonération de TVA de la formation professionnelle continue)", null => null },
            Ttc(offre.Prix.PrixUnitaireHt, assujetti), prix is { } p && connu.Volume > 0 ? Euros(p * connu.Volume) : null,
            new CompteEdition(offre.Prestataires.TitulaireCompte, offre.Prestataires.Iban, offre.Prestataires.Bic), offre.Prestataires.PaiementDirect);
    }

    private AcheteurEdition Acheteur() => new(configuration["Sigma:Acheteur:Nom"], configuration["Sigma:Acheteur:Adresse"]);

    private static ConsultationEdition Consultation(ConsultationConnue c) => new(c.Reference, c.Intitule, c.Dispositif, ParisTime.Affiche(c.DateLimite));

    private static LotEdition Lot(LotConnu l) => new(l.Numero, l.Intitule, l.Territoire, l.UniteOeuvre, l.Volume);

    private static string? Forme(TypeCandidature? type) => type switch
    {
        TypeCandidature.Seul => "Candidat individuel",
        TypeCandidature.GroupementConjoint => "Groupement conjoint",
        TypeCandidature.GroupementSolidaire => "Groupement solidaire",
        _ => null,
    };

    private static string UniteLibelle(string unite) => unite.ToUpperInvariant() switch
    {
        "FORP" => "forfait parcours",
        "HSTA" => "heure stagiaire",
        "HGRO" => "heure groupe",
        _ => unite,
    };

    private static string Nom(string? texte, string parDefaut) => string.IsNullOrWhiteSpace(texte) ? parDefaut : texte.Trim();

    private static decimal? Decimal(string? texte) =>
        decimal.TryParse(texte?.Replace(" ", "").Replace("\u00a0", "").Replace("\u202f", "").Replace('.', ','), NumberStyles.Number, Fr, out var d) ? d : null;

    private static string Euros(decimal montant) => montant.ToString("#,##0.00", Fr) + " €";

    /// <summary>The TTC amount when the provider charges VAT (20 %); the HT amount when it does not; nothing when it did not say.</summary>
    private static string? Ttc(string? ht, bool? assujetti) => (Decimal(ht), assujetti) switch
    {
        ({ } montant, true) => Euros(Math.Round(montant * 1.2m, 2)),
        ({ } montant, false) => Euros(montant) + " (non assujetti)",
        _ => null,
    };

    private static string Somme(IEnumerable<string?> valeurs)
    {
        var nombres = valeurs.Select(Decimal).ToList();
        return nombres.All(n => n is null) ? "—" : nombres.Sum(n => n ?? 0).ToString("#,##0.##", Fr);
    }
}
