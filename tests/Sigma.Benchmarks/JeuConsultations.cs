using Sigma.Consultations.Domain;

namespace Sigma.Benchmarks;

/// <summary>
/// 10,000 plausible consultations of an Occitanie region, generated from a fixed seed: some words in almost every row
/// ("formation"), some in a few percent ("numérique", "bâtiment"), some in a handful ("œnologie", "apiculture").
/// Most deadlines are ahead, about one in six is past (closed consultations), a few are drafts (never published).
/// </summary>
internal static class JeuConsultations
{
    private sealed record Domaine(string Nom, int Poids, string[] Metiers);

    private static readonly Domaine[] Domaines =
    [
        new("Numérique", 18, ["Développeur web et web mobile", "Technicien d'assistance informatique", "Administrateur systèmes et réseaux", "Concepteur développeur d'applications"]),
        new("Bâtiment", 15, ["Maçon", "Plaquiste plâtrier", "Électricien d'équipement du bâtiment", "Peintre en bâtiment", "Couvreur zingueur"]),
        new("Électricité", 8, ["Électricien installateur", "Électricité du bâtiment et des réseaux", "Technicien de maintenance électrique", "Installateur de bornes de recharge"]),
        new("Aide à la personne", 10, ["Assistant de vie aux familles", "Aide-soignant", "Accompagnant éducatif et social"]),
        new("Hôtellerie-restauration", 9, ["Cuisinier", "Serveur en restauration", "Réceptionniste en hôtellerie", "Commis de cuisine"]),
        new("Logistique et transport", 9, ["Préparateur de commandes", "Cariste d'entrepôt", "Conducteur routier de marchandises"]),
        new("Industrie aéronautique", 7, ["Ajusteur monteur de structures aéronefs", "Chaudronnier", "Technicien d'usinage", "Soudeur"]),
        new("Agriculture et viticulture", 8, ["Ouvrier viticole", "Maraîcher biologique", "Responsable d'exploitation agricole"]),
        new("Commerce et vente", 8, ["Vendeur conseil en magasin", "Employé commercial", "Manager d'unité marchande"]),
        new("Transition écologique", 5, ["Éco-construction et rénovation énergétique", "Technicien en efficacité énergétique", "Agent de tri et de valorisation"]),
        new("Cybersécurité", 2, ["Analyste en cybersécurité", "Administrateur sécurité des réseaux"]),
        new("Œnologie", 1, ["Caviste", "Technicien en œnologie"]),
        new("Apiculture", 0, ["Apiculteur"]), // only a handful, forced below
    ];

    private static readonly (string Departement, string[] Villes)[] Territoires =
    [
        ("Haute-Garonne", ["Toulouse", "Muret", "Colomiers", "Saint-Gaudens"]), ("Hérault", ["Montpellier", "Béziers", "Sète", "Lunel", "Agde"]),
        ("Gard", ["Nîmes", "Alès", "Bagnols-sur-Cèze"]), ("Pyrénées-Orientales", ["Perpignan", "Céret", "Prades"]),
        ("Aude", ["Carcassonne", "Narbonne", "Castelnaudary", "Lézignan-Corbières"]), ("Tarn", ["Albi", "Castres", "Gaillac"]),
        ("Tarn-et-Garonne", ["Montauban", "Castelsarrasin"]), ("Aveyron", ["Rodez", "Millau", "Villefranche-de-Rouergue"]),
        ("Hautes-Pyrénées", ["Tarbes", "Lourdes"]), ("Gers", ["Auch", "Condom"]), ("Lot", ["Cahors", "Figeac"]),
        ("Ariège", ["Foix", "Pamiers"]), ("Lozère", ["Mende", "Marvejols"]),
    ];

    private static readonly string[] Publics =
    [
        "les demandeurs d'emploi", "les jeunes de 16 à 25 ans sans qualification", "les personnes en situation de handicap",
        "les salariés en reconversion", "les bénéficiaires du RSA", "les habitants des quartiers prioritaires",
    ];

    public static IEnumerable<(ConsultationCreee Creee, ConsultationPubliee? Publiee)> Generer(int nombre, DateTimeOffset maintenant, int graine = 2026)
    {
        var alea = new Random(graine);
        var poidsTotal = Domaines.Sum(d => d.Poids);
        for (var i = 0; i < nombre; i++)
        {
            var domaine = i % 1000 == 7 ? Domaines[^1] : Tirer(alea, poidsTotal);
            var dispositif = Dispositifs.Connus[alea.Next(Dispositifs.Connus.Count)];
            var (departement, villes) = Territoires[alea.Next(Territoires.Length)];
            var nbLots = 1 + alea.Next(3);
            var lots = Enumerable.Range(1, nbLots).Select(n =>
            {
                var ville = villes[alea.Next(villes.Length)];
                var unite = (UniteOeuvre)alea.Next(3);
                return new Lot(n, domaine.Metiers[alea.Next(domaine.Metiers.Length)], $"{departement} — {ville}", unite, 10 * (1 + alea.Next(5000)));
            }).ToList();
            var annee = 2026 + alea.Next(2);
            var intitule = $"{Libelle(dispositif)} — {domaine.Nom} {annee}";
            var objet = $"Actions de formation {Nature(alea)} aux métiers « {domaine.Nom.ToLowerInvariant()} » ({string.Join(", ", lots.Select(l => l.Intitule))}) " +
                        $"pour {Publics[alea.Next(Publics.Length)]} du département {departement}. Accompagnement vers l'emploi et immersions en entreprise.";
            var close = alea.Next(6) == 0;
            var dateLimite = close ? maintenant.AddDays(-1 - alea.Next(400)).AddHours(-alea.Next(24)) : maintenant.AddDays(1 + alea.Next(180)).AddHours(alea.Next(24));
            var creeeLe = close ? dateLimite.AddDays(-45) : maintenant.AddDays(-alea.Next(30)).AddMinutes(-1);
            var id = Guid.NewGuid();
            var creee = Consultation.Creer(id, $"BENCH-{annee}-{i:00000}", intitule, objet, dispositif, Dispositifs.Procedures[alea.Next(Dispositifs.Procedures.Count)],
                lots, dateLimite, "Direction de la formation professionnelle — marches.formation@region.localhost", "bench", creeeLe);
            var brouillon = alea.Next(40) == 0;
            yield return (creee, brouillon ? null : new ConsultationPubliee(id, "bench", creeeLe.AddHours(1)));
        }
    }

    private static Domaine Tirer(Random alea, int poidsTotal)
    {
        var tirage = alea.Next(poidsTotal);
        foreach (var d in Domaines)
        {
            if ((tirage -= d.Poids) < 0)
            {
                return d;
            }
        }
        return Domaines[0];
    }

    private static string Nature(Random alea) => alea.Next(3) switch { 0 => "qualifiantes", 1 => "certifiantes", _ => "pré-qualifiantes" };

    private static string Libelle(string dispositif) => dispositif switch
    {
        "PROJET PRO" => "Projet Pro",
        "LECTIO" => "Lectio — Savoirs de base",
        "E2C" => "E2C — École de la deuxième chance",
        "AVENIR" => "Avenir",
        "PARCOURS QUALIFIANTS" => "Parcours qualifiants",
        _ => "Compétences Plus",
    };
}
