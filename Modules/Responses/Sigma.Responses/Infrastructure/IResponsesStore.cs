using Marten;

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
