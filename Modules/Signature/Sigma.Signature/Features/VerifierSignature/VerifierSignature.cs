using System.Text.Json;
using System.Text.Json.Serialization;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Sigma.Signature.Infrastructure.Verification;

namespace Sigma.Signature.Features.VerifierSignature;

/// <summary>"Vérifier la signature": a signed PDF, or any file with its detached signature (.p7s).</summary>
public sealed class VerifierSignature : IRequest<RapportVerification>
{
    public const long TailleMaxFichier = 100L * 1024 * 1024;

    public IFormFile? Fichier { get; set; }
    public IFormFile? SignatureDetachee { get; set; }
}

internal sealed class VerifierSignatureValidator : AbstractValidator<VerifierSignature>
{
    public VerifierSignatureValidator()
    {
        RuleFor(f => f.Fichier).NotNull().WithMessage("Choisissez le fichier signé à vérifier.");
        RuleFor(f => f.Fichier!.Length).InclusiveBetween(1, VerifierSignature.TailleMaxFichier).When(f => f.Fichier is not null)
            .OverridePropertyName(nameof(VerifierSignature.Fichier))
            .WithMessage($"Le fichier doit contenir des données et peser au plus {VerifierSignature.TailleMaxFichier / (1024 * 1024)} Mo.");
        RuleFor(f => f.SignatureDetachee!.Length).InclusiveBetween(1, 1024 * 1024).When(f => f.SignatureDetachee is not null)
            .OverridePropertyName(nameof(VerifierSignature.SignatureDetachee))
            .WithMessage("Une signature détachée (.p7s) pèse au plus 1 Mo.");
    }
}

/// <summary>Verifies in memory; nothing of the files is kept.</summary>
internal sealed class VerifierSignatureHandler(VerificateurSignatures verificateur) : IRequestHandler<VerifierSignature, RapportVerification>
{
    public async Task<RapportVerification> Handle(VerifierSignature demande, CancellationToken ct)
    {
        var fichier = new FichierRecu(demande.Fichier!.FileName, await Lire(demande.Fichier, ct));
        var signature = demande.SignatureDetachee is { } s ? new FichierRecu(s.FileName, await Lire(s, ct)) : null;
        return verificateur.Verifier(fichier, signature);
    }

    private static async Task<byte[]> Lire(IFormFile fichier, CancellationToken ct)
    {
        using var memoire = new MemoryStream((int)fichier.Length);
        await fichier.CopyToAsync(memoire, ct);
        return memoire.ToArray();
    }
}

/// <summary>The report as JSON: enums by name, the same fields as the page.</summary>
public static class RapportJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        WriteIndented = true,
    };
}
