namespace Sigma.Responses.Domain;

public sealed record LotConnu(int Numero, string Intitule, string Territoire, string UniteOeuvre, decimal Volume);

/// <summary>The Responses module's own copy of a published consultation, kept from the Consultations module's events.</summary>
public sealed class ConsultationConnue
{
    public Guid Id { get; set; }
    public string Reference { get; set; } = "";
    public string Intitule { get; set; } = "";
    public string Dispositif { get; set; } = "";
    public string? Objet { get; set; }
    public string? Procedure { get; set; }
    public DateTimeOffset DateLimite { get; set; }
    public List<LotConnu> Lots { get; set; } = [];

    public bool EstCloturee(DateTimeOffset instant) => DateLimite <= instant;

    public LotConnu? Lot(int numero) => Lots.FirstOrDefault(l => l.Numero == numero);
}

/// <summary>The module's copy of a registered organisation, to pre-fill the candidature's head office.</summary>
public sealed class OrganismeConnu
{
    public Guid Id { get; set; }
    public string Siret { get; set; } = "";
    public string RaisonSociale { get; set; } = "";
    public string Adresse { get; set; } = "";
    public string Telephone { get; set; } = "";
    public string? Voie { get; set; }
    public string? CodePostal { get; set; }
    public string? Commune { get; set; }
    public string? Email { get; set; }
}
