using System.Security.Cryptography;

namespace Sigma.Responses.Infrastructure;

/// <summary>A file of an opened pli, checked against the receipt: intact, altered, or missing.</summary>
public sealed record FichierVerifie(int Index, FichierAccuse Fichier, bool Intact, string Constat);

/// <summary>
/// The Region's reading of the opened plis: only once the consultation's plis are opened, only the responses sent
/// until then. Every file is checked against the receipt's SHA-256 before it is shown or served.
/// </summary>
public sealed class LecturePlis(IResponsesStore store, Coffre coffre)
{
    public async Task<(Domain.Ouverture? Ouverture, ConsultationConnue? Consultation, IReadOnlyList<Reponse> Reponses)> SeanceAsync(Guid consultationId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var consultation = await session.LoadAsync<ConsultationConnue>(consultationId, ct);
        var ouverture = await session.LoadAsync<Domain.Ouverture>(consultationId, ct);
        IReadOnlyList<Reponse> reponses = ouverture is { EstOuverte: true } ? (await session.LoadManyAsync<Reponse>(ct, ouverture.Reponses)).OrderBy(r => r.EnvoyeeLe).ToList()
            : await session.Query<Reponse>().Where(r => r.ConsultationId == consultationId && r.EnvoyeeLe != null).OrderBy(r => r.EnvoyeeLe).ToListAsync(ct);
        return (ouverture, consultation, reponses);
    }

    /// <summary>An opened pli, or null when the consultation's plis are not opened or the response was not among them.</summary>
    public async Task<(Reponse Reponse, ConsultationConnue Consultation, Domain.Ouverture Ouverture)?> PliAsync(Guid consultationId, Guid reponseId, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var ouverture = await session.LoadAsync<Domain.Ouverture>(consultationId, ct);
        var reponse = await session.LoadAsync<Reponse>(reponseId, ct);
        var consultation = await session.LoadAsync<ConsultationConnue>(consultationId, ct);
        return ouverture is { EstOuverte: true } && reponse is not null && consultation is not null && ouverture.Reponses.Contains(reponseId) && reponse.ConsultationId == consultationId
            ? (reponse, consultation, ouverture) : null;
    }

    public Task<DonneesCandidature> CandidatureAsync(Reponse r, CancellationToken ct) =>
        r.Candidature is null ? Task.FromResult(new DonneesCandidature()) : coffre.DescellerAsync<DonneesCandidature>(r.ConsultationId, r.Id, r.Candidature.Contenu, ct);

    public Task<DonneesOffre> OffreAsync(Reponse r, OffreReponse o, CancellationToken ct) => coffre.DescellerAsync<DonneesOffre>(r.ConsultationId, r.Id, o.Etat.Contenu, ct);

    public static string Stockage(Reponse reponse, FichierAccuse fichier) => fichier.Stockage
        ?? Stockages.Piece(reponse.Id, reponse.Pieces.First(p => p.Nom == fichier.Nom && p.Sha256 == fichier.Sha256).Id);

    /// <summary>Decrypts the file to nowhere and compares its SHA-256 with the receipt's: altered bytes fail the decryption or the hash.</summary>
    public async Task<FichierVerifie> VerifierAsync(Reponse reponse, int index, CancellationToken ct)
    {
        var fichier = reponse.FichiersEnvoyes[index];
        try
        {
            await using var empreinte = new Empreinte();
            await coffre.DescellerFichierAsync(reponse.ConsultationId, Stockage(reponse, fichier), empreinte, ct);
            var sha = empreinte.Sha256();
            return sha == fichier.Sha256 ? new FichierVerifie(index, fichier, true, "intact : SHA-256 identique à l'accusé de réception")
                : new FichierVerifie(index, fichier, false, $"ALTÉRÉ : SHA-256 {sha} au lieu de {fichier.Sha256}");
        }
        catch (CryptographicException)
        {
            return new FichierVerifie(index, fichier, false, "ALTÉRÉ : le fichier stocké a été modifié ou tronqué (le déchiffrement authentifié le refuse)");
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException or InvalidOperationException)
        {
            return new FichierVerifie(index, fichier, false, "ABSENT : le fichier stocké est introuvable");
        }
    }

    public async Task<IReadOnlyList<FichierVerifie>> VerifierToutAsync(Reponse reponse, CancellationToken ct)
    {
        var verifies = new List<FichierVerifie>();
        for (var i = 0; i < reponse.FichiersEnvoyes.Count; i++)
        {
            verifies.Add(await VerifierAsync(reponse, i, ct));
        }
        return verifies;
    }

    /// <summary>A write-only stream that only hashes what goes through it.</summary>
    private sealed class Empreinte : Stream
    {
        private readonly IncrementalHash sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string Sha256() => Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => sha.AppendData(buffer, offset, count);
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            sha.AppendData(buffer.Span);
            return ValueTask.CompletedTask;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                sha.Dispose();
            }
            base.Dispose(disposing);
        }
    }
}
