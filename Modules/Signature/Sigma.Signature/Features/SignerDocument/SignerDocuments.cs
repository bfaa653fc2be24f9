using FluentValidation;
using Microsoft.AspNetCore.Http;
using Sigma.Signature.Infrastructure.Certificats;
using Sigma.Signature.Infrastructure.Cms;
using Sigma.Signature.Infrastructure.Pdf;

namespace Sigma.Signature.Features.SignerDocument;

/// <summary>"Signer un document": files to sign and the signer's PKCS#12 certificate with its password.</summary>
public sealed class SignerDocuments : IRequest<IReadOnlyList<DocumentSigne>>
{
    public const long TailleMaxFichier = 100L * 1024 * 1024;
    public const long TailleMaxTotale = 200L * 1024 * 1024;

    public List<IFormFile> Fichiers { get; set; } = [];
    public IFormFile? Certificat { get; set; }
    public string? MotDePasse { get; set; }
}

public sealed record DocumentSigne(string Nom, byte[] Contenu, string TypeMime);

internal sealed class SignerDocumentsValidator : AbstractValidator<SignerDocuments>
{
    public SignerDocumentsValidator()
    {
        RuleFor(f => f.Fichiers).NotEmpty().WithMessage("Choisissez au moins un fichier à signer.");
        RuleFor(f => f.Fichiers).Must(f => f.Count <= 20).WithMessage("Signez au plus 20 fichiers à la fois.");
        RuleFor(f => f.Fichiers).Must(f => f.All(x => x.Length is > 0 and <= SignerDocuments.TailleMaxFichier))
            .WithMessage($"Chaque fichier doit contenir des données et peser au plus {SignerDocuments.TailleMaxFichier / (1024 * 1024)} Mo.");
        RuleFor(f => f.Fichiers).Must(f => f.Sum(x => x.Length) <= SignerDocuments.TailleMaxTotale)
            .WithMessage($"Les fichiers à signer pèsent au plus {SignerDocuments.TailleMaxTotale / (1024 * 1024)} Mo ensemble.");
        RuleFor(f => f.Certificat).NotNull().WithMessage("Choisissez votre certificat de signature (fichier .p12 ou .pfx).");
        RuleFor(f => f.Certificat!.Length).LessThanOrEqualTo(64 * 1024).When(f => f.Certificat is not null)
            .OverridePropertyName(nameof(SignerDocuments.Certificat)).WithMessage("Ce fichier est trop gros pour être un certificat PKCS#12.");
    }
}

/// <summary>
/// Signs each file with the certificate sent along: PDF files in PAdES-B-B (a new revision of the same PDF), other
/// files with a detached CAdES-B-B signature (.p7s); B-T when a time-stamp authority is configured. The certificate and its key live only for this request.
/// </summary>
internal sealed class SignerDocumentsHandler(TimeProvider clock, Infrastructure.Horodatage.AutoriteHorodatage horodatage) : IRequestHandler<SignerDocuments, IReadOnlyList<DocumentSigne>>
{
    public async Task<IReadOnlyList<DocumentSigne>> Handle(SignerDocuments demande, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow();
        using var certificat = CertificatSignataire.Ouvrir(await Lire(demande.Certificat!, ct), demande.MotDePasse, maintenant);
        var autorites = certificat.Autorites.ToList();
        var signes = new List<DocumentSigne>();
        foreach (var fichier in demande.Fichiers)
        {
            var nom = NomFichierSigne.NomSimple(fichier.FileName);
            var octets = await Lire(fichier, ct);
            if (octets.AsSpan(0, Math.Min(octets.Length, 1024)).IndexOf("%PDF-"u8) >= 0)
            {
                try
                {
                    var (pdf, existantes) = SignatairePades.Signer(octets, certificat.Certificat, autorites, maintenant, horodateur: horodatage.Horodateur);
                    signes.Add(new DocumentSigne(NomFichierSigne.Pdf(nom, maintenant.ToParis(), existantes), pdf, "application/pdf"));
                }
                catch (DomainException refus)
                {
                    throw new DomainException($"« {nom} » : {refus.Message}", refus.Champ);
                }
            }
            else
            {
                var p7s = ConstructeurCms.Signer(octets, certificat.Certificat, autorites, maintenant, horodatage.Horodateur);
                signes.Add(new DocumentSigne(NomFichierSigne.Detachee(nom, maintenant.ToParis()), p7s, "application/pkcs7-signature"));
            }
        }
        return signes;
    }

    private static async Task<byte[]> Lire(IFormFile fichier, CancellationToken ct)
    {
        using var memoire = new MemoryStream((int)fichier.Length);
        await fichier.CopyToAsync(memoire, ct);
        return memoire.ToArray();
    }
}
