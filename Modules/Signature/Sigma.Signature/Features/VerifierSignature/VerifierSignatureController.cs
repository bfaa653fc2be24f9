using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;
using Sigma.Signature.Infrastructure.Rapports;

namespace Sigma.Signature.Features.VerifierSignature;

public sealed record VueVerification(RapportVerification? Rapport, string? JetonRapport);

/// <summary>
/// "Outils de signature / Vérifier la signature", open to anyone. The report comes as a page, as JSON when the
/// client asks for application/json, or as a PDF (Accept: application/pdf, or the page's download button, which
/// sends back the report the page shows, sealed by the server so that it cannot be altered on the way).
/// </summary>
[AllowAnonymous]
[Route("signature/verifier")]
public sealed class VerifierSignatureController(IMediator mediator, IDataProtectionProvider protection) : Controller
{
    private ITimeLimitedDataProtector Sceau => protection.CreateProtector("Sigma.Signature.Rapport").ToTimeLimitedDataProtector();

    [HttpGet("")]
    public IActionResult Index() => View(new VueVerification(null, null));

    [HttpPost("")]
    [RequestSizeLimit(VerifierSignature.TailleMaxFichier + 2 * 1024 * 1024)]
    [RequestFormLimits(MultipartBodyLengthLimit = VerifierSignature.TailleMaxFichier + 2 * 1024 * 1024)]
    public async Task<IActionResult> Index(VerifierSignature form, CancellationToken ct)
    {
        RapportVerification rapport;
        try
        {
            rapport = await mediator.Send(form, ct);
        }
        catch (Exception refus) when (Refus.Noter(refus, ModelState))
        {
            // The input validators (run in the pipeline) answer a JSON client as a validation problem.
            return refus is FormulaireInvalideException && Demande("application/json") ? ValidationProblem(ModelState) : View(new VueVerification(null, null));
        }
        if (Demande("application/json"))
        {
            return Json(rapport, RapportJson.Options);
        }
        if (Demande("application/pdf"))
        {
            return await PdfAsync(rapport, ct);
        }
        var jeton = Sceau.Protect(JsonSerializer.Serialize(rapport, RapportJson.Options), TimeSpan.FromHours(2));
        return View(new VueVerification(rapport, jeton));
    }

    [HttpPost("rapport.pdf")]
    public async Task<IActionResult> TelechargerRapport(string? rapport, CancellationToken ct)
    {
        try
        {
            var json = Sceau.Unprotect(rapport ?? "");
            return await PdfAsync(JsonSerializer.Deserialize<RapportVerification>(json, RapportJson.Options)!, ct);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or JsonException)
        {
            ModelState.AddModelError("", "Ce rapport a expiré : vérifiez à nouveau le fichier pour obtenir son rapport.");
            return View("Index", new VueVerification(null, null));
        }
    }

    private async Task<FileContentResult> PdfAsync(RapportVerification rapport, CancellationToken ct) =>
        File(await RapportPdf.ProduireAsync(mediator, rapport, ct), "application/pdf", $"Rapport de vérification - {Path.GetFileNameWithoutExtension(rapport.Fichier)}.pdf");

    private bool Demande(string type) =>
        Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(type, StringComparison.OrdinalIgnoreCase));
}
