using MediatR;
using Sigma.Documents.Contracts;
using Sigma.Responses.Domain;
using Sigma.Responses.Infrastructure;
using UglyToad.PdfPig;

namespace Sigma.Responses.Tests;

/// <summary>Each edition printed from a realistic response: a groupement of 3, sub-contracting, accents, long texts, 30 composantes.</summary>
public class EditionsContenuTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    private static readonly string Long = string.Concat(Enumerable.Repeat("Accompagnement individualisé des stagiaires, immersion en entreprise et évaluation à mi-parcours. ", 60));

    private static ConsultationConnue Consultation() => new()
    {
        Id = Guid.NewGuid(), Reference = "2027-PP-009", Intitule = "Projet Pro — Orientation", Dispositif = "PROJET PRO", DateLimite = new DateTimeOffset(2027, 3, 1, 11, 0, 0, TimeSpan.Zero),
        Lots = [new LotConnu(1, "Lot Est — Hérault", "Hérault", "HSTA", 12_000), new LotConnu(2, "Lot Ouest — Gers", "Gers", "FORP", 80)],
    };

    private static DonneesCandidature Groupement()
    {
        static Etablissement Etab(string nom, string siret, string commune) => new() { RaisonSociale = nom, Siret = siret, Adresse = "3 allée des Érables", CodePostal = "34000", Commune = commune, Telephone = "0467000000", Email = "contact@exemple.fr" };
        static Personne Pers(string nom) => new() { Civilite = "Madame", Nom = nom, Prenom = "Hélène", Qualite = "Gérante" };
        return new DonneesCandidature
        {
            Candidat = new Candidat
            {
                Type = TypeCandidature.GroupementSolidaire, Lots = [1, 2], Siege = Etab("Formation Cévennes Œuvre", "73282932000074", "Alès"), RepresentantLegal = Pers("Lefèvre"),
                Signataire = Pers("Lefèvre"), ChiffresAffaires = [new() { Exercice = "2024", Montant = "1 250 000" }, new() { Exercice = "2023", Montant = "1 100 000" }, new() { Exercice = "2022", Montant = "980 000" }],
            },
            Membres =
            [
                new Membre { Siege = Etab("Atelier Garrigue", "55208131766522", "Nîmes"), RepresentantLegal = Pers("Garcìa"), Signataire = Pers("Garcìa"), Prestations = "Modules d'immersion" },
                new Membre { Siege = Etab("Côte Bleue Compétences", "44306184100047", "Sète"), RepresentantLegal = Pers("Noël"), Signataire = Pers("Noël"), Prestations = "Remise à niveau" },
            ],
            RepartitionPrestations = "Coordination et ingénierie",
            Sites = [new SiteCandidature { Nom = "12 rue de la Loge", CodePostal = "34000", Commune = "Montpellier", Description = Long }],
        };
    }

    private static DonneesOffre Offre() => new()
    {
        Offre = new Caracteristiques { Intitule = "Parcours « Réussir »", Presentation = Long, DateDebut = "2027-02-01", DateFin = "2027-11-30", NombreSessions = "4", Effectif = "48" },
        Prestataires = new Prestataires
        {
            AssujettiTva = true, Avance = false, FrequenceFacturation = "Mensuelle", TitulaireCompte = "Formation Cévennes Œuvre", Iban = "FR76 3000 6000 0112 3456 7890 189", Bic = "AGRIFRPP",
            SousTraitance = true, PaiementDirect = true,
            SousTraitants = [new SousTraitant { RaisonSociale = "Équi-Libre Conseil", Siret = "35600000000048", Adresse = "1 quai d'Alger", CodePostal = "34200", Commune = "Sète", Prestations = "Bilans", Montant = "15 000" }],
        },
        Sites = [new SiteOffre { Nom = "12 rue de la Loge", CodePostal = "34000", Commune = "Montpellier", AccesTransportsCommun = true, AccessibleHandicap = true, Hebergement = false, Restauration = "À proximité" }],
        Composantes = Enumerable.Range(1, 30).Select(i => new Composante
        {
            Numero = $"C{i:00}", Intitule = $"Composante n° {i} — métiers de l'aide à la personne", DateDebut = "2027-02-01", DateFin = "2027-06-30", VolumeHoraire = "100", Effectif = "12",
            Formacode = "44028", Rncp = "RNCP34690", Certifinfo = "108291", Objectifs = i == 1 ? Long : "Découvrir", Blocs = [new BlocCompetences { Numero = "B1", Intitule = "Accueillir" }],
            Modules = [new ModuleFormation { Numero = "M1", Intitule = $"Module {i}.1", Bloc = "B1", VolumeHoraire = "100" }],
        }).ToList(),
        Prix = new Prix { PrixUnitaireHt = "12,50", FraisPedagogiques = "10", FraisStructure = "2,50" },
    };

    private async Task<Dictionary<string, (string Texte, int Pages)>> ImprimerAsync(IEnumerable<EditionsReponse.EditionAImprimer> editions)
    {
        using var scope = sigma.Services.CreateScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var textes = new Dictionary<string, (string, int)>();
        foreach (var e in editions)
        {
            var rendu = await mediator.Send(new RendreDocument(e.Modele, e.Libelle, "2027-PP-009", e.Donnees));
            // To look at them: SIGMA_EDITIONS_DIR=/tmp/editions dotnet test … (synthetic data only).
            if (Environment.GetEnvironmentVariable("SIGMA_EDITIONS_DIR") is { Length: > 0 } dossier)
            {
                Directory.CreateDirectory(dossier);
                await File.WriteAllBytesAsync(Path.Combine(dossier, Sigma.BuildingBlocks.Stockage.NomsDeFichiers.Sur(e.Nom)), rendu.Pdf);
            }
            using var pdf = PdfDocument.Open(rendu.Pdf);
            textes[e.Libelle] = (string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text)))), pdf.NumberOfPages);
        }
        return textes;
    }

    /// <summary>Every word of the value is in the section: table cells wrap, and a PDF's text comes line by line across the cells.</summary>
    private static void Mots(string section, string valeur)
    {
        var mots = section.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet();
        valeur.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(m => !mots.Contains(m)).ShouldBeEmpty($"« {valeur} » dans « {section} »");
    }

    private EditionsReponse Editions => sigma.Services.CreateScope().ServiceProvider.GetRequiredService<EditionsReponse>();

    [Fact]
    public async Task The_candidature_editions_of_a_groupement_of_three_name_every_member_in_its_section()
    {
        var editions = Editions.DeLaCandidature(Consultation(), Groupement());
        editions.Select(e => e.Libelle).ShouldBe(["Fiche de présentation de l'organisme", "DC1 — Lettre de candidature",
            "DC2 — Déclaration du membre 1 (Formation Cévennes Œuvre)", "DC2 — Déclaration du membre 2 (Atelier Garrigue)", "DC2 — Déclaration du membre 3 (Côte Bleue Compétences)"]);
        var textes = await ImprimerAsync(editions);

        var dc1 = textes["DC1 — Lettre de candidature"].Texte;
        dc1.ShouldContain("A — Identification de l'acheteur Région Occitanie / Pyrénées-Méditerranée");
        dc1.ShouldContain("B — Objet de la consultation Projet Pro — Orientation — référence 2027-PP-009");
        dc1.ShouldContain("☒ Le candidat est un groupement d'opérateurs économiques solidaire");
        dc1.ShouldContain("☐ Le candidat se présente seul");
        var e = dc1[dc1.IndexOf("E — Identification des membres", StringComparison.Ordinal)..dc1.IndexOf("F — Engagements", StringComparison.Ordinal)];
        foreach (var membre in new[] { "Formation Cévennes Œuvre (mandataire)", "Atelier Garrigue", "Côte Bleue Compétences", "Modules d'immersion", "Remise à niveau", "55208131766522" })
        {
            Mots(e, membre);
        }
        dc1[dc1.IndexOf("G — Désignation du mandataire", StringComparison.Ordinal)..].ShouldContain("désignent Formation Cévennes Œuvre comme mandataire, solidaire");

        var dc2 = textes["DC2 — Déclaration du membre 2 (Atelier Garrigue)"].Texte;
        dc2.ShouldContain("Co-traitant du groupement");
        Mots(dc2[dc2.IndexOf("C — Identification", StringComparison.Ordinal)..dc2.IndexOf("D — Aptitude", StringComparison.Ordinal)], "55208131766522");
        var dc2Candidat = textes["DC2 — Déclaration du membre 1 (Formation Cévennes Œuvre)"].Texte;
        Mots(dc2Candidat[dc2Candidat.IndexOf("E — Capacité économique", StringComparison.Ordinal)..], "2024 1 250 000 2023 1 100 000");
        // A co-contractor who gave no turnover: the model says so, nothing is invented.
        dc2[dc2.IndexOf("E — Capacité économique", StringComparison.Ordinal)..dc2.IndexOf("F — Capacités", StringComparison.Ordinal)].ShouldContain("non renseigné");

        var fiche = textes["Fiche de présentation de l'organisme"];
        fiche.Pages.ShouldBeGreaterThan(1);
        fiche.Texte.ShouldContain("immersion en entreprise et évaluation à mi-parcours");
    }

    [Fact]
    public async Task The_offer_editions_hold_thirty_composantes_the_sub_contractor_and_the_price_in_the_lot_s_unit()
    {
        var editions = Editions.DeLOffre(Consultation(), Groupement(), 1, Offre());
        editions.Select(e => e.Libelle).ShouldBe(["Annexe pédagogique", "Fiche récapitulative de l'offre", "DC4 — Déclaration de sous-traitance (Équi-Libre Conseil)", "Acte d'engagement (ATTRI1)"]);
        var textes = await ImprimerAsync(editions);

        var annexe = textes["Annexe pédagogique"];
        annexe.Pages.ShouldBeGreaterThan(3);
        for (var i = 1; i <= 30; i++)
        {
            annexe.Texte.ShouldContain($"Composante C{i:00} — Composante n° {i} — métiers de l'aide à la personne");
        }
        annexe.Texte.ShouldContain("Total 3 000 360 30 composantes");
        annexe.Texte.ShouldContain("RNCP34690");
        annexe.Texte.ShouldContain("01/02/2027");

        var dc4 = textes["DC4 — Déclaration de sous-traitance (Équi-Libre Conseil)"].Texte;
        dc4[dc4.IndexOf("E — Identification du sous-traitant", StringComparison.Ordinal)..].ShouldContain("Équi-Libre Conseil");
        var f = dc4[dc4.IndexOf("F — Nature et prix", StringComparison.Ordinal)..dc4.IndexOf("G — Conditions", StringComparison.Ordinal)];
        f.ShouldContain("Montant maximum HT 15 000 €");
        f.ShouldContain("Montant maximum TTC 18 000,00 €");
        dc4[dc4.IndexOf("G — Conditions", StringComparison.Ordinal)..].ShouldContain("Paiement direct du sous-traitant oui");

        var acte = textes["Acte d'engagement (ATTRI1)"].Texte;
        acte.ShouldContain("HSTA — heure stagiaire");
        acte.ShouldContain("Prix unitaire HT 12,50 €");
        acte.ShouldContain("Prix unitaire TTC 15,00 €");
        acte.ShouldContain("Montant prévisionnel HT 150 000,00 €");
        acte[acte.IndexOf("C — Répartition", StringComparison.Ordinal)..acte.IndexOf("D — Compte", StringComparison.Ordinal)].ShouldContain("Côte Bleue Compétences Remise à niveau");
        acte.ShouldContain("☒ Le titulaire refuse de percevoir l'avance");
        acte.ShouldContain("groupement solidaire Formation Cévennes Œuvre");
    }

    [Fact]
    public async Task An_empty_offer_prints_non_renseigne_where_the_models_need_a_value()
    {
        var vide = new DonneesOffre();
        var textes = await ImprimerAsync(Editions.DeLOffre(Consultation(), new DonneesCandidature(), 2, vide));
        textes.Keys.ShouldNotContain(k => k.StartsWith("DC4", StringComparison.Ordinal));
        var acte = textes["Acte d'engagement (ATTRI1)"].Texte;
        acte.ShouldContain("Prix unitaire HT non renseigné");
        acte.ShouldContain("IBAN non renseigné");
        acte.ShouldContain("FORP — forfait parcours");
    }
}
