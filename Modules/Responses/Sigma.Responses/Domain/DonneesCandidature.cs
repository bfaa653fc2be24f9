namespace Sigma.Responses.Domain;

public enum TypeCandidature
{
    Seul,
    GroupementConjoint,
    GroupementSolidaire,
}

/// <summary>An establishment as the bidder typed it: values stay strings so that nothing typed is lost before validation.</summary>
public sealed class Etablissement
{
    public string? RaisonSociale { get; set; }
    public string? Siret { get; set; }
    public string? Adresse { get; set; }
    public string? CodePostal { get; set; }
    public string? Commune { get; set; }
    public string? Telephone { get; set; }
    public string? Email { get; set; }
}

public sealed class Personne
{
    public string? Civilite { get; set; }
    public string? Nom { get; set; }
    public string? Prenom { get; set; }
    public string? Qualite { get; set; }
    public string? Adresse { get; set; }
    public string? CodePostal { get; set; }
    public string? Commune { get; set; }
    public string? Telephone { get; set; }
    public string? Email { get; set; }
}

public sealed class ChiffreAffaires
{
    public string? Exercice { get; set; }
    public string? Montant { get; set; }
}

/// <summary>Onglet « Candidat ».</summary>
public sealed class Candidat
{
    public TypeCandidature? Type { get; set; }
    public List<int> Lots { get; set; } = [];

    /// <summary>Numéro de déclaration d'activité (11 chiffres) given by the DREETS: the CARIF-OREF requires it.</summary>
    public string? NumeroDeclarationActivite { get; set; }
    public Etablissement Siege { get; set; } = new();
    public Etablissement Executant { get; set; } = new();
    public Personne RepresentantLegal { get; set; } = new();
    public Personne Signataire { get; set; } = new();
    public List<ChiffreAffaires> ChiffresAffaires { get; set; } = Exercices();

    public bool EstGroupement => Type is TypeCandidature.GroupementConjoint or TypeCandidature.GroupementSolidaire;

    public static List<ChiffreAffaires> Exercices() => [new(), new(), new()];
}

/// <summary>A co-contractor of a groupement: the same data as the candidate, and its share of the services.</summary>
public sealed class Membre
{
    public Etablissement Siege { get; set; } = new();
    public Personne RepresentantLegal { get; set; } = new();
    public Personne Signataire { get; set; } = new();
    public List<ChiffreAffaires> ChiffresAffaires { get; set; } = Candidat.Exercices();
    public string? Prestations { get; set; }
}

/// <summary>A site where the training takes place; its name is the number and street, as the guide asks.</summary>
public sealed class SiteCandidature
{
    public string? Nom { get; set; }
    public string? Complement { get; set; }
    public string? CodePostal { get; set; }
    public string? Commune { get; set; }
    public string? Telephone { get; set; }
    public string? Responsable { get; set; }
    public string? Description { get; set; }
}

/// <summary>What the four tabs of the candidature hold. Stored sealed (encrypted) in the response's events.</summary>
public sealed class DonneesCandidature
{
    public Candidat Candidat { get; set; } = new();
    public List<Membre> Membres { get; set; } = [];
    public string? RepartitionPrestations { get; set; }
    public List<SiteCandidature> Sites { get; set; } = [new()];
    public bool RedressementJudiciaire { get; set; }
}
