namespace Sigma.Responses.Infrastructure;

/// <summary>The Responses module's own Marten store (schema <c>responses</c>).</summary>
public interface IResponsesStore : IDocumentStore;

/// <summary>
/// The one draft an account may have on a consultation at a time (the FAQ): inserted with the response's first event,
/// removed when it is sent, so that a second draft fails on the primary key, atomically.
/// </summary>
public sealed class BrouillonEnCours
{
    public string Id { get; set; } = "";
    public Guid ReponseId { get; set; }

    public static string Cle(Guid consultationId, Guid compteId) => $"{consultationId:N}:{compteId:N}";
}

/// <summary>
/// "One offer per lot per candidate" (the FAQ: alone, as the lead of one groupement or as a member of one): each sent
/// response records, for each SIRET of its candidature and each lot it answers, a keyed fingerprint; a second send with
/// the same pair fails on the primary key, atomically. The fingerprint does not reveal the SIRET without the key.
/// </summary>
public sealed class EngagementLot
{
    public string Id { get; set; } = "";
    public Guid ReponseId { get; set; }
}
