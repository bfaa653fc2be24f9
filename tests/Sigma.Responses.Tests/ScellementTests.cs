using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Sigma.BuildingBlocks.Stockage;
using Sigma.Responses.Infrastructure;
using static Sigma.Testing.Soumissionnaire;

namespace Sigma.Responses.Tests;

public class ScellementTests(SigmaFactory sigma) : IClassFixture<SigmaFactory>
{
    private Coffre Coffre => sigma.Services.GetRequiredService<Coffre>();
    private StockageFichiers Stockage => sigma.Services.GetRequiredService<StockageFichiers>();

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(65536)]
    [InlineData(65537)]
    [InlineData(3 * 65536 + 17)]
    public async Task A_sealed_piece_reads_back_identical_and_its_hash_is_that_of_the_plain_bytes(int taille)
    {
        var octets = RandomNumberGenerator.GetBytes(taille);
        var cle = $"essais/{Guid.NewGuid():N}";
        var consultation = Guid.NewGuid();
        var (lue, sha) = await Coffre.ScellerFichierAsync(consultation, cle, new MemoryStream(octets), long.MaxValue, default);
        lue.ShouldBe(taille);
        sha.ShouldBe(Convert.ToHexString(SHA256.HashData(octets)).ToLowerInvariant());
        var relu = new MemoryStream();
        await Coffre.DescellerFichierAsync(consultation, cle, relu, default);
        relu.ToArray().ShouldBe(octets);
    }

    [Fact]
    public async Task A_piece_arriving_in_small_irregular_reads_is_sealed_whole_across_many_writes()
    {
        // 3 MiB + 5: 49 blocks, written 16 at a time, read from a source that never gives a whole block at once.
        var octets = RandomNumberGenerator.GetBytes(3 * 1024 * 1024 + 5);
        var cle = $"essais/{Guid.NewGuid():N}";
        var consultation = Guid.NewGuid();
        var (lue, sha) = await Coffre.ScellerFichierAsync(consultation, cle, new FluxHache(octets, echecApres: null), long.MaxValue, default);
        lue.ShouldBe(octets.Length);
        sha.ShouldBe(Convert.ToHexString(SHA256.HashData(octets)).ToLowerInvariant());
        var relu = new MemoryStream();
        await Coffre.DescellerFichierAsync(consultation, cle, relu, default);
        relu.ToArray().ShouldBe(octets);
        Directory.EnumerateFiles(Path.GetDirectoryName(Path.Combine(Stockage.Racine, cle))!, "*.partiel").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_piece_too_big_a_broken_upload_or_a_cancelled_one_leaves_nothing_behind()
    {
        var octets = RandomNumberGenerator.GetBytes(2 * 1024 * 1024);
        var consultation = Guid.NewGuid();
        var dossier = $"essais/{Guid.NewGuid():N}";

        async Task RienNeResteAsync<TException>(Stream source, long tailleMax, CancellationToken ct) where TException : Exception
        {
            var cle = $"{dossier}/{Guid.NewGuid():N}";
            await Should.ThrowAsync<TException>(() => Coffre.ScellerFichierAsync(consultation, cle, source, tailleMax, ct));
            Stockage.Existe(cle).ShouldBeFalse();
            Directory.EnumerateFiles(Path.Combine(Stockage.Racine, dossier)).ShouldBeEmpty();
        }

        await RienNeResteAsync<FichierTropGrosException>(new MemoryStream(octets), 1024 * 1024, default);
        await RienNeResteAsync<IOException>(new FluxHache(octets, echecApres: 700_000), long.MaxValue, default);
        using var annulation = new CancellationTokenSource();
        await RienNeResteAsync<OperationCanceledException>(new FluxHache(octets, echecApres: null, annulerApres: (300_000, annulation)), long.MaxValue, annulation.Token);
    }

    /// <summary>Gives 1 to 9,000 bytes per read; can fail (a connection cut) or cancel the upload after a given offset.</summary>
    private sealed class FluxHache(byte[] octets, long? echecApres, (long Position, CancellationTokenSource Source)? annulerApres = null) : Stream
    {
        private readonly Random _alea = new(7);
        private int _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => octets.Length;
        public override long Position { get => _position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position > echecApres)
            {
                throw new IOException("Connexion interrompue.");
            }
            if (annulerApres is { } a && _position > a.Position)
            {
                a.Source.Cancel();
            }
            var n = Math.Min(Math.Min(count, _alea.Next(1, 9000)), octets.Length - _position);
            octets.AsSpan(_position, n).CopyTo(buffer.AsSpan(offset));
            _position += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var tableau = new byte[buffer.Length];
            var n = Read(tableau, 0, tableau.Length);
            tableau.AsSpan(0, n).CopyTo(buffer.Span);
            return ValueTask.FromResult(n);
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_sealed_piece_altered_truncated_moved_or_opened_with_another_consultation_s_key_is_refused()
    {
        var octets = RandomNumberGenerator.GetBytes(200_000);
        var consultation = Guid.NewGuid();
        var cle = $"essais/{Guid.NewGuid():N}";
        await Coffre.ScellerFichierAsync(consultation, cle, new MemoryStream(octets), long.MaxValue, default);
        var chemin = Path.Combine(Stockage.Racine, cle);
        var original = await File.ReadAllBytesAsync(chemin);

        async Task Refuse(byte[] contenu, string cleLue, Guid consultationLue)
        {
            await File.WriteAllBytesAsync(Path.Combine(Stockage.Racine, cleLue), contenu);
            await Should.ThrowAsync<CryptographicException>(() => Coffre.DescellerFichierAsync(consultationLue, cleLue, new MemoryStream(), default));
        }

        var altere = (byte[])original.Clone();
        altere[100_000] ^= 1;
        await Refuse(altere, cle, consultation);
        await Refuse(original[..(16 + 65536 + 16)], cle, consultation);
        await Refuse(original, $"essais/{Guid.NewGuid():N}", consultation);
        await Refuse(original, cle, Guid.NewGuid());
    }

    [Fact]
    public async Task Nothing_a_bidder_typed_or_uploaded_is_readable_in_the_database_or_in_storage()
    {
        var marque = "Zorglub" + Guid.NewGuid().ToString("N")[..8];
        var (client, id, offre) = await PreteAEnvoyerAsync(sigma);
        var champs = Candidat();
        champs["Candidat.Signataire.Qualite"] = marque;
        (await OngletAsync(client, $"/reponses/{id}/candidature/candidat", champs, "valider")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Redirect);
        (await DeposerAsync(client, id, offre, "AutreOffre", "note.txt", System.Text.Encoding.UTF8.GetBytes($"texte secret {marque}"))).StatusCode
            .ShouldBe(System.Net.HttpStatusCode.Redirect);

        await using var connexion = new NpgsqlConnection(sigma.Database.ConnectionString);
        await connexion.OpenAsync();
        var tables = new List<string>();
        await using (var liste = new NpgsqlCommand("select table_schema || '.' || table_name from information_schema.tables where table_schema not in ('pg_catalog', 'information_schema')", connexion))
        await using (var lecteur = await liste.ExecuteReaderAsync())
        {
            while (await lecteur.ReadAsync())
            {
                tables.Add(lecteur.GetString(0));
            }
        }
        tables.ShouldContain("responses.mt_events");
        foreach (var table in tables)
        {
            await using var cherche = new NpgsqlCommand($"select count(*) from {table} t where t::text like '%' || @m || '%'", connexion);
            cherche.Parameters.AddWithValue("m", marque);
            ((long)(await cherche.ExecuteScalarAsync())!).ShouldBe(0, $"{marque} lisible dans {table}");
        }
        // The editions printed at validation hold the marker: they lie sealed beside the pieces.
        var editions = (await client.GetStringAsync($"/reponses/{id}/candidature/candidat")).Split('"').Where(a => a.Contains("/editions/", StringComparison.Ordinal)).ToList();
        editions.ShouldNotBeEmpty();
        var dc1 = UglyToad.PdfPig.PdfDocument.Open(await client.GetByteArrayAsync(editions[0]));
        string.Join(" ", dc1.GetPages().Select(p => p.Text)).ShouldContain(marque);
        var fichiers = Directory.EnumerateFiles(Path.Combine(Stockage.Racine, "reponses", id.ToString("N")), "*", SearchOption.AllDirectories).ToList();
        fichiers.ShouldContain(f => f.Contains($"{Path.DirectorySeparatorChar}editions{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        // Chromium prints in memory: nothing of the bidder's is left in its temporary profiles either.
        fichiers.AddRange(Directory.EnumerateDirectories(Path.GetTempPath(), "puppeteer*").SelectMany(d => Directory.EnumerateFiles(d, "*", SearchOption.AllDirectories)));
        foreach (var fichier in fichiers)
        {
            byte[] octets;
            try
            {
                octets = await File.ReadAllBytesAsync(fichier);
            }
            catch (IOException)
            {
                continue; // a file Chromium holds locked
            }
            System.Text.Encoding.UTF8.GetString(octets).ShouldNotContain(marque, customMessage: fichier);
        }
        var cleMaitre = Coffre.CheminCleMaitre(sigma.Services.GetRequiredService<IConfiguration>());
        File.Exists(cleMaitre).ShouldBeTrue();
        (await File.ReadAllTextAsync(cleMaitre)).Length.ShouldBe(44);
        if (!OperatingSystem.IsWindows())
        {
            (File.GetUnixFileMode(cleMaitre) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)).ShouldBe(UnixFileMode.None);
        }

        // The bidder still reads their draft; once sent, nobody does until the opening.
        (await client.GetStringAsync($"/reponses/{id}/candidature/candidat")).ShouldHaveField("Candidat.Signataire.Qualite", marque);
        await using (var session = sigma.Services.GetRequiredService<IResponsesStore>().QuerySession())
        {
            var piece = (await session.LoadAsync<Sigma.Responses.Domain.Reponse>(id))!.Pieces.First(p => p.Nom == "note.txt");
            (await client.GetStringAsync($"/reponses/{id}/pieces/{piece.Id}")).ShouldContain(marque);
            await OngletAsync(client, $"/reponses/{id}/offres/{offre}/prix", new() { ["Prix.PrixUnitaireHt"] = "2 400", ["Prix.FraisPedagogiques"] = "2 000", ["Prix.FraisStructure"] = "400" }, "valider");
            (await EnvoyerAsync(client, id)).Headers.Location!.ToString().ShouldEndWith("/accuse");
            (await client.GetAsync($"/reponses/{id}/pieces/{piece.Id}")).StatusCode.ShouldBe(System.Net.HttpStatusCode.Forbidden);
        }
    }
}
