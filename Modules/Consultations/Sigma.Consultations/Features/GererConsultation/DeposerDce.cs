using Sigma.BuildingBlocks.Stockage;
using Sigma.Consultations.Contracts;

namespace Sigma.Consultations.Features.GererConsultation;

/// <summary>A file as it arrives from the browser: read once, streamed to storage.</summary>
public sealed record FichierEnvoye(string Nom, long Taille, string TypeContenu, Func<Stream> Ouvrir);

/// <summary>A new DCE version: the files kept from the current version plus the new ones, with a note of what changed.</summary>
public sealed record DeposerDce(Guid ConsultationId, string? Note, IReadOnlyList<Guid> FichiersConserves, IReadOnlyList<FichierEnvoye> Nouveaux, Acteur Agent)
    : IRequest<int>;

internal sealed class DeposerDceHandler(IConsultationsStore store, StockageFichiers stockage, TimeProvider clock, AdressePublique? adresse = null)
    : IRequestHandler<DeposerDce, int>
{
    public static string Cle(Guid consultationId, Guid fichierId) => $"dce/{consultationId:N}/{fichierId:N}";

    public async Task<int> Handle(DeposerDce r, CancellationToken ct)
    {
        foreach (var f in r.Nouveaux)
        {
            if (NomsDeFichiers.Erreur(f.Nom) is { } erreur)
            {
                throw new DomainException(erreur, "Fichiers");
            }
            if (f.Taille == 0)
            {
                throw new DomainException($"Le fichier « {f.Nom} » est vide.", "Fichiers");
            }
            if (f.Taille > Consultation.TailleMaxFichier)
            {
                throw new DomainException($"Le fichier « {f.Nom} » dépasse la taille maximale de {Consultation.TailleMaxFichier / (1024 * 1024)} Mo.", "Fichiers");
            }
        }
        var (session, flux, consultation) = await store.OuvrirAsync(r.ConsultationId, r.Agent, ct);
        await using var _ = session;
        var conserves = consultation.DceCourant?.Fichiers.Where(f => r.FichiersConserves.Contains(f.FichierId)).ToList() ?? [];
        var fichiers = new List<FichierDce>(conserves);
        foreach (var f in r.Nouveaux)
        {
            var id = Guid.NewGuid();
            await using var source = f.Ouvrir();
            var (taille, sha) = await stockage.EcrireAsync(Cle(consultation.Id, id), source, Consultation.TailleMaxFichier, ct, durable: true);
            fichiers.Add(new FichierDce(id, Sigma.BuildingBlocks.Stockage.NomsDeFichiers.Sur(f.Nom), taille, sha, string.IsNullOrEmpty(f.TypeContenu) ? "application/octet-stream" : f.TypeContenu));
        }
        var deposee = consultation.DeposerDce(r.Note ?? "", fichiers, r.Agent.Identifiant, clock.GetUtcNow());
        flux.AppendOne(deposee);
        if (consultation.EstPubliee)
        {
            session.Publish(new DceModifieIntegrationEvent(consultation.Id, consultation.Reference, consultation.Intitule, deposee.Version, deposee.Note,
                await Abonnes.DeAsync(session, consultation.Id, ct))
            { OccurredAt = deposee.DeposeeLe, LienPage = adresse?.Lien($"/consultations/{consultation.Id}") });
        }
        await session.SaveChangesAsync(ct);
        return deposee.Version;
    }
}

internal static class NomsDeFichiers
{
    private static readonly char[] Interdits = ['/', '\\', ':', '*', '?', '"', '<', '>', '|'];

    /// <summary>A file name must be a plain name: no folder, no path characters, no control characters.</summary>
    public static string? Erreur(string nom)
    {
        if (string.IsNullOrWhiteSpace(nom))
        {
            return "Un fichier n'a pas de nom.";
        }
        if (nom.IndexOfAny(Interdits) >= 0 || nom.Contains("..", StringComparison.Ordinal) || nom.Any(char.IsControl))
        {
            return $"Le nom de fichier « {nom} » contient des caractères interdits (/ \\ : * ? \" < > | ou ..). Renommez-le.";
        }
        return nom.Length > 200 ? $"Le nom de fichier « {nom[..40]}… » dépasse 200 caractères." : null;
    }
}
