using Sigma.Responses.Contracts;

namespace Sigma.Publication.Tests;

/// <summary>Awarded offers as the Responses module publishes them: a realistic one (groupement, sous-traitance, 3 sites, blocs and modules, accents, long texts).</summary>
public static class Offres
{
    public static readonly string TexteLong = string.Join(" ", Enumerable.Repeat("Les stagiaires construisent leur projet professionnel, découvrent les métiers du numérique et s'entraînent à l'entretien d'embauche ;", 40));

    public static OffreAttribueeIntegrationEvent Groupement(Guid? offreId = null, string? numeroActivite = "76 34 01234 34") => new(
        Guid.NewGuid(), offreId ?? Guid.NewGuid(), Guid.NewGuid(), "2027-PP-003", "PROJET PRO", 2, "Hérault — Béziers, Agde & Pézenas", "Hérault",
        new OrganismeAttribue("Formation Occitanie Avenir — Organisme « Élan »", "732 829 320 00074", "12 rue de la Loge, bâtiment Émeraude, 3e étage, porte de l'Œuvre-Saint-Éloi",
            "34000", "Montpellier", "04 67 22 80 00", "contact@foa.fr"),
        new ActionAttribuee("Projet Pro Est — orientation & qualification", "Parcours complet d'orientation", "2027-02-01", "2027-09-30", "3", "36"),
        [
            new SiteAttribue("12 rue de la Loge", "34000", "Montpellier", "Salle 4, accès par la cour", true, "Tram 1 arrêt Comédie", true, "Ascenseur, boucle magnétique", false, "Restaurant d'entreprise"),
            new SiteAttribue("5 avenue Jean-Moulin", "34500", "Béziers", null, true, "Bus 12", false, "Étage sans ascenseur", true, "À proximité"),
            new SiteAttribue("1 place de la République", "34300", "Agde", null, false, null, true, null, null, "Aucune"),
        ],
        [
            new ComposanteAttribuee("1", "Préqualification aux métiers du numérique", "2027-02-01", "2027-06-30", "400 h", "12", "15062, 31054", "38543", "109876", "326", "M1805",
                "Aucun prérequis ; maîtrise du français à l'oral (niveau A2).", TexteLong, "Information collective puis entretien individuel", "Présentiel, ateliers en petits groupes, plateau technique",
                "Projet professionnel validé, accès à la qualification", TexteLong,
                [new BlocAttribue("1", "Compétences transversales : communication écrite & orale"), new BlocAttribue("RNCP38543BC02", "Compétences professionnelles — développement web")],
                [
                    new ModuleAttribue("1", "Positionnement et parcours individualisé", "1", "2027-02-01", "2027-02-15", "35", "Évaluation des acquis, contrat pédagogique"),
                    new ModuleAttribue("2", "Acquisition de compétences clés", "1", null, null, "165", null),
                    new ModuleAttribue("3", "Immersion en entreprise (stage)", "RNCP38543BC02", "2027-05-01", "2027-06-30", "200", "Stage de 6 semaines"),
                ], "Temps plein, 35 h par semaine du lundi au vendredi"),
            new ComposanteAttribuee("2", "Qualification développeur·se web", null, null, "600", "12", "31054", null, null, null, null,
                "Avoir suivi la préqualification", "Obtenir le titre professionnel", "Entretien", "Présentiel", "Titre obtenu", "Développement front et back",
                [], [new ModuleAttribue("1", "Développement", null, null, null, "600", null)], "Temps plein"),
        ],
        new DateTimeOffset(2027, 1, 15, 10, 0, 0, TimeSpan.Zero), numeroActivite,
        new ContactAttribue("Paul Martin", "04 67 22 80 01", "handicap@foa.fr"),
        [
            new PrestataireAttribue(PrestataireAttribue.Cotraitant, "Association Égalité des Chances", "443 061 841 00047", "34500", "Béziers"),
            new PrestataireAttribue(PrestataireAttribue.SousTraitant, "Numérique & Cie", "552 100 554 00025", "34300", "Agde"),
        ],
        new MarcheAttribue("Actions d'orientation professionnelle « Projet Pro »", "Appel d'offres ouvert", "HSTA", 24_000, "12,50", "Solidaire", 3, true, true));
}
