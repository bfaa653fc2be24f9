namespace Sigma.Consultations.Domain;

/// <summary>The Region's training schemes named in the guide; "AUTRE" lets an agent name another.</summary>
public static class Dispositifs
{
    public static readonly IReadOnlyList<string> Connus = ["PROJET PRO", "LECTIO", "E2C", "AVENIR", "PARCOURS QUALIFIANTS", "COMPETENCES PLUS"];

    public static readonly IReadOnlyList<string> Procedures = ["Appel d'offres ouvert", "Procédure adaptée (MAPA)", "Marché négocié sans publicité", "Accord-cadre à bons de commande"];

    public static string Libelle(UniteOeuvre unite) => unite switch
    {
        UniteOeuvre.Forp => "FORP — forfait parcours",
        UniteOeuvre.Hsta => "HSTA — heure stagiaire",
        _ => "HGRO — heure groupe",
    };
}
