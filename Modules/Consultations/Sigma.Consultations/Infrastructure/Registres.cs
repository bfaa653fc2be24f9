namespace Sigma.Consultations.Infrastructure;

/// <summary>One line of the registre des retraits: who took which DCE version, when, whole or in part.</summary>
public sealed class Retrait
{
    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }
    public int Version { get; set; }
    public bool Complet { get; set; }
    public List<string> Fichiers { get; set; } = [];
    public Guid? CompteId { get; set; }
    public string? Nom { get; set; }
    public string? Email { get; set; }
    public string? Organisme { get; set; }
    public bool Anonyme => Email is null;
    public DateTimeOffset RetireLe { get; set; }
}

/// <summary>An identified downloader of a consultation, who gets its alerts (new DCE, answers, deadline).</summary>
public sealed class Abonnement
{
    public string Id { get; set; } = "";
    public Guid ConsultationId { get; set; }
    public string Email { get; set; } = "";
    public string? Nom { get; set; }
    public DateTimeOffset Depuis { get; set; }

    public static string Cle(Guid consultationId, string email) => $"{consultationId:N}/{email.Trim().ToLowerInvariant()}";
}

/// <summary>One line of the registre des dépôts: a sealed response received, as its receipt states it (never its content).</summary>
public sealed class Depot
{
    public Guid Id { get; set; }
    public Guid ConsultationId { get; set; }
    public string NumeroAccuse { get; set; } = "";
    public string Organisation { get; set; } = "";
    public string Siret { get; set; } = "";
    public string Deposant { get; set; } = "";
    public string Email { get; set; } = "";
    public List<int> Lots { get; set; } = [];
    public int NombreFichiers { get; set; }
    public long TailleTotale { get; set; }
    public DateTimeOffset RecuLe { get; set; }
}
