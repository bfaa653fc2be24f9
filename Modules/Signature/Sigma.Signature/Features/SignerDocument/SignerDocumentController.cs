using System.IO.Compression;
using FluentValidation;

namespace Sigma.Signature.Features.SignerDocument;

/// <summary>"Outils de signature / Signer un document": one signed file comes back as is, several as a zip.</summary>
[AllowAnonymous]
[Route("signature/signer")]
public sealed class SignerDocumentController(IMediator mediator, TimeProvider clock) : Controller
{
    [HttpGet("")]
    public IActionResult Index() => View(new SignerDocuments());

    [HttpPost("")]
    [RequestSizeLimit(SignerDocuments.TailleMaxTotale + 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = SignerDocuments.TailleMaxTotale + 1024 * 1024)]
    public async Task<IActionResult> Index(SignerDocuments form, CancellationToken ct)
        => await this.SoumettreAsync<SignerDocuments, IReadOnlyList<DocumentSigne>>(form, mediator, Telecharger, ct);

    private FileContentResult Telecharger(IReadOnlyList<DocumentSigne> signes)
    {
        if (signes.Count == 1)
        {
            return File(signes[0].Contenu, signes[0].TypeMime, signes[0].Nom);
        }
        using var memoire = new MemoryStream();
        using (var zip = new ZipArchive(memoire, ZipArchiveMode.Create, leaveOpen: true))
        {
            var noms = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var signe in signes)
            {
                var nom = signe.Nom;
                for (var i = 2; !noms.Add(nom); i++)
                {
                    nom = $"{Path.GetFileNameWithoutExtension(signe.Nom)} ({i}){Path.GetExtension(signe.Nom)}";
                }
                using var entree = zip.CreateEntry(nom, CompressionLevel.Fastest).Open();
                entree.Write(signe.Contenu);
            }
        }
        return File(memoire.ToArray(), "application/zip", $"Documents signés {clock.GetUtcNow().ToParis():yyyyMMdd HHmmss}.zip");
    }
}
