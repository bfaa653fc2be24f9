using MediatR;

namespace Sigma.Documents.Contracts;

/// <summary>The documents the platform prints, each with its own template in the Documents module.</summary>
public enum ModeleDocument
{
    FichePresentation,
    Dc1,
    Dc2,
    AnnexePedagogique,
    FicheRecapitulative,
    Dc4,
    ActeEngagement,
    AccuseReception,
    RapportVerification,
    HistoriqueReponse,
}

/// <summary>
/// Prints one document in memory and returns its bytes: the template is filled with <paramref name="Donnees"/> (every
/// value HTML-escaped), printed to PDF by the shared Chromium, and nothing is written to a table, a file or a log. A
/// request and not an event because the caller needs the bytes at once, to seal them in the response's vault or to
/// stream them (docs/adr/0007).
/// </summary>
/// <param name="Titre">The document's title, in its heading and its PDF metadata.</param>
/// <param name="Reference">The consultation's reference (or the file's name) printed in every page's footer.</param>
/// <param name="Donnees">Plain data (records, lists, strings, numbers): the template reads it by snake_cased member names.</param>
public sealed record RendreDocument(ModeleDocument Modele, string Titre, string? Reference, object Donnees) : IRequest<DocumentRendu>;

/// <param name="Empreinte">SHA-256 of the document's content (its template and data): the same content gives the same fingerprint.</param>
public sealed record DocumentRendu(byte[] Pdf, string Empreinte, DateTimeOffset GenereLe);

/// <summary>The printer cannot work (Chromium missing or failing): the message is French and says what to do.</summary>
public sealed class RenduIndisponibleException(string message, Exception? cause = null) : Exception(message, cause);
