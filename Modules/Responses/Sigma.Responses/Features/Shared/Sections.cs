namespace Sigma.Responses.Features.Shared;

/// <summary>The sections of the candidature and offer forms, as the summary of errors names them.</summary>
public static class Sections
{
    public static readonly IReadOnlyDictionary<string, string> Candidature = new Dictionary<string, string>
    {
        ["Candidat"] = "Candidat",
        ["Candidat.Siege"] = "Siège social",
        ["Candidat.Executant"] = "Établissement exécutant",
        ["Candidat.RepresentantLegal"] = "Représentant légal",
        ["Candidat.Signataire"] = "Signataire",
        ["Candidat.ChiffresAffaires"] = "Chiffre d'affaires, exercice",
        ["Membres"] = "Membre",
        ["Membres.Siege"] = "Siège social",
        ["Membres.RepresentantLegal"] = "Représentant légal",
        ["Membres.Signataire"] = "Signataire",
        ["Membres.ChiffresAffaires"] = "Chiffre d'affaires, exercice",
        ["Sites"] = "Site",
    };

    public static readonly IReadOnlyDictionary<string, string> Offre = new Dictionary<string, string>
    {
        ["Offre"] = "Offre",
        ["Prestataires"] = "Prestataires",
        ["Prestataires.SousTraitants"] = "Sous-traitant",
        ["Sites"] = "Site",
        ["Composantes"] = "Composante",
        ["Composantes.Blocs"] = "Bloc",
        ["Composantes.Modules"] = "Module",
        ["Prix"] = "Prix",
    };
}
