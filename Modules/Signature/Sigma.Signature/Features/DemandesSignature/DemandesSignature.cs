using System.Security.Cryptography;
using System.Text.Json;
using Sigma.BuildingBlocks.Stockage;
using Sigma.Signature.Contracts;
using Sigma.Signature.Integration;
using Sigma.Signature.Features.VerifierSignature;
using Sigma.Signature.Infrastructure.Certificats;
using Sigma.Signature.Infrastructure.Demandes;
using Sigma.Signature.Infrastructure.Pdf;
using Sigma.Signature.Infrastructure.Verification;

namespace Sigma.Signature.Features.DemandesSignature;

/// <summary>Who acts: the account's identifiant, name, e-mail and organisation (none for an agent).</summary>

/// <summary>The bidder signs the requested document in Sigma with a PKCS#12 certificate used for this request only.</summary>
public sealed record SignerDansSigma(Guid DemandeId, byte[] Certificat, string? MotDePasse, Acteur Par) : IRequest<Verdict>;

/// <summary>The bidder deposits the document signed elsewhere.</summary>
public sealed record DeposerDocumentSigne(Guid DemandeId, string Nom, byte[] Contenu, Acteur Par) : IRequest<Verdict>;

internal sealed class DemandesSignatureHandlers(ISignatureStore store, StockageFichiers stockage, VerificateurSignatures verificateur, TimeProvider clock,
    Sigma.BuildingBlocks.Web.AdressePublique adresse, Infrastructure.Horodatage.AutoriteHorodatage horodatage)
    : IRequestHandler<SignerDansSigma, Verdict>, IRequestHandler<DeposerDocumentSigne, Verdict>
{
    public const long TailleMax = 20L * 1024 * 1024;

    public static string CleOriginal(Guid demandeId) => $"signature/{demandeId:N}/original";

    public static string CleVersion(Guid demandeId, Guid versionId) => $"signature/{demandeId:N}/{versionId:N}";

    public async Task<Verdict> Handle(SignerDansSigma r, CancellationToken ct)
    {
        var maintenant = clock.GetUtcNow();
        var demande = await DemandeDe(r.DemandeId, r.Par, ct);
        using var certificat = CertificatSignataire.Ouvrir(r.Certificat, r.MotDePasse, maintenant);
        await using var original = stockage.Ouvrir(CleOriginal(demande.Id));
        using var memoire = new MemoryStream();
        await original.CopyToAsync(memoire, ct);
        var (signe, existantes) = SignatairePades.Signer(memoire.ToArray(), certificat.Certificat, certificat.Autorites.ToList(), maintenant,
            horodateur: horodatage.Horodateur);
        return await DeposerAsync(demande, NomFichierSigne.Pdf(demande.Document, maintenant.ToParis(), existantes), signe, true, r.Par, ct);
    }

    public async Task<Verdict> Handle(DeposerDocumentSigne r, CancellationToken ct)
    {
        if (r.Contenu.Length == 0)
        {
            throw new DomainException("Choisissez le document signé.", "Fichier");
        }
        var demande = await DemandeDe(r.DemandeId, r.Par, ct);
        return await DeposerAsync(demande, NomFichierSigne.NomSimple(r.Nom), r.Contenu, false, r.Par, ct);
    }

    private async Task<DemandeSignature> DemandeDe(Guid id, Acteur par, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var demande = await session.LoadAsync<DemandeSignature>(id, ct);
        return demande is not null && demande.OrganisationId == par.OrganisationId ? demande : throw new DomainException("Demande de signature introuvable.");
    }

    private async Task<Verdict> DeposerAsync(DemandeSignature demande, string nom, byte[] contenu, bool dansSigma, Acteur par, CancellationToken ct)
    {
        var rapport = verificateur.Verifier(new FichierRecu(nom, contenu), null);
        var json = JsonSerializer.Serialize(rapport, RapportJson.Options);
        var versionId = Guid.NewGuid();
        var maintenant = clock.GetUtcNow();
        var depose = demande.Deposer(versionId, nom, contenu.Length, Convert.ToHexString(SHA256.HashData(contenu)).ToLowerInvariant(), dansSigma, rapport, json,
            par.Identifiant, par.Nom, maintenant);
        await stockage.EcrireAsync(CleVersion(demande.Id, versionId), new MemoryStream(contenu), TailleMax, ct, durable: true);
        await using var session = store.Ouvrir(par);
        var flux = await session.Events.FetchForWriting<DemandeSignature>(demande.Id, ct);
        flux.AppendOne(depose);
        session.Publish(new DocumentSigneDeposeIntegrationEvent(demande.Id, demande.Reference, demande.Lot, demande.Organisation, nom,
            rapport.Conclusion.Libelle(), rapport.Motif, par.Nom, demande.EmailDemandeur, adresse.Lien($"/signature/demandes/{demande.Id}")) { OccurredAt = maintenant, ConsultationId = demande.ConsultationId });
        await session.SaveChangesAsync(ct);
        return rapport.Conclusion;
    }
}
