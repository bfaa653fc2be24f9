using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Sigma.Documents.Contracts;
using Sigma.Documents.Features.RendreDocument;
using Sigma.Documents.Infrastructure;
using UglyToad.PdfPig;

namespace Sigma.Documents.Tests;

/// <summary>The one renderer against the real Chromium: escaping, fonts, footer, a missing or dying browser.</summary>
public sealed class ImprimanteTests : IAsyncLifetime
{
    private static readonly string Polices = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../Host/Sigma.Host/wwwroot/lib/dsfr/fonts"));
    private readonly Imprimante imprimante = new(Configuration(), NullLogger<Imprimante>.Instance);

    private static IConfiguration Configuration(string? chromium = null) => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Documents:Polices"] = Polices, ["Documents:Chromium"] = chromium, ["Documents:Concurrence"] = "2",
    }).Build();

    private RendreDocumentHandler Rendu(Imprimante? autre = null) =>
        new(autre ?? imprimante, new Polices(Configuration(), NullLogger<Polices>.Instance), TimeProvider.System);

    private static object Accuse(string organisation) => new
    {
        Numero = "AR-TEST-1",
        Consultation = new { Reference = "2027-PP-003", Intitule = "Projet Pro", DateLimite = "01/03/2027 à 12:00:00" },
        RecueLe = "28/02/2027 à 11:59:58", RecueLeUtc = "2027-02-28T10:59:58Z", Deposant = "Claire Durand", Organisation = organisation, Siret = "73282932000074",
        Lots = new[] { new { Numero = 1, Intitule = "Lot Est" } },
        Fichiers = Enumerable.Range(1, 60).Select(i => new { Formulaire = "Candidature", Piece = $"Pièce {i}", Nom = $"piece-{i}.pdf", Taille = "1 234 octets", Sha256 = new string('a', 64) }).ToList(),
    };

    [Fact]
    public async Task A_document_prints_its_values_as_text_in_marianne_with_its_footer_on_every_page()
    {
        var rendu = await Rendu().Handle(new RendreDocument(ModeleDocument.AccuseReception, "Accusé de réception", "2027-PP-003", Accuse("Éducation & Formation « Sud »")), default);
        using var pdf = PdfDocument.Open(rendu.Pdf);
        pdf.NumberOfPages.ShouldBeGreaterThan(1);
        var texte = string.Join(" ", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        texte.ShouldContain("Éducation & Formation « Sud »");
        texte.ShouldContain("piece-60.pdf");
        foreach (var page in pdf.GetPages())
        {
            var mots = string.Join(" ", page.GetWords().Select(w => w.Text));
            mots.ShouldContain($"page {page.Number} / {pdf.NumberOfPages}");
            mots.ShouldContain($"empreinte {rendu.Empreinte[..16]}");
        }
        pdf.GetPages().SelectMany(p => p.Letters).Select(l => l.FontName ?? "").Distinct().ShouldContain(f => f.Contains("Marianne", StringComparison.OrdinalIgnoreCase));
        pdf.Information.Title.ShouldBe("Accusé de réception");
        rendu.Empreinte.Length.ShouldBe(64);
    }

    [Fact]
    public async Task A_value_holding_markup_or_template_syntax_prints_as_text()
    {
        var piege = "<script>document.title='pirate'</script><b>gras</b> {{ d.numero }} {% raw %}";
        var rendu = await Rendu().Handle(new RendreDocument(ModeleDocument.AccuseReception, "Accusé", null, Accuse(piege)), default);
        using var pdf = PdfDocument.Open(rendu.Pdf);
        var texte = string.Join("", pdf.GetPages().Select(p => p.Text));
        texte.ShouldContain(piege);
        pdf.Information.Title.ShouldBe("Accusé");
    }

    [Fact]
    public async Task The_same_content_has_the_same_fingerprint_and_another_content_another()
    {
        var a = await Rendu().Handle(new RendreDocument(ModeleDocument.AccuseReception, "Accusé", "R", Accuse("A")), default);
        var b = await Rendu().Handle(new RendreDocument(ModeleDocument.AccuseReception, "Accusé", "R", Accuse("A")), default);
        var c = await Rendu().Handle(new RendreDocument(ModeleDocument.AccuseReception, "Accusé", "R", Accuse("B")), default);
        a.Empreinte.ShouldBe(b.Empreinte);
        c.Empreinte.ShouldNotBe(a.Empreinte);
    }

    [Fact]
    public async Task A_missing_chromium_gives_a_french_message()
    {
        await using var sans = new Imprimante(Configuration("/nulle/part/chromium"), NullLogger<Imprimante>.Instance);
        var erreur = await Should.ThrowAsync<RenduIndisponibleException>(() => Rendu(sans).Handle(new RendreDocument(ModeleDocument.AccuseReception, "Accusé", null, Accuse("A")), default));
        erreur.Message.ShouldContain("Chromium est introuvable");
        erreur.Message.ShouldContain("Vos saisies sont conservées");
    }

    [Fact]
    public async Task A_chromium_that_died_is_started_again_at_the_next_document()
    {
        (await Rendu().Handle(new RendreDocument(ModeleDocument.AccuseReception, "Accusé", null, Accuse("A")), default)).Pdf.Length.ShouldBeGreaterThan(1000);
        var processus = imprimante.Processus.ShouldNotBeNull();
        processus.Kill(entireProcessTree: true);
        await processus.WaitForExitAsync();
        (await Rendu().Handle(new RendreDocument(ModeleDocument.AccuseReception, "Accusé", null, Accuse("B")), default)).Pdf.Length.ShouldBeGreaterThan(1000);
        imprimante.Processus!.Id.ShouldNotBe(processus.Id);
    }

    [Fact]
    public async Task Concurrent_documents_all_print()
    {
        var rendus = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => Rendu().Handle(new RendreDocument(ModeleDocument.AccuseReception, "Accusé", null, Accuse($"Organisme {i}")), default)));
        rendus.Select(r => r.Empreinte).Distinct().Count().ShouldBe(6);
        foreach (var (rendu, i) in rendus.Select((r, i) => (r, i)))
        {
            using var pdf = PdfDocument.Open(rendu.Pdf);
            string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text)).ShouldContain($"Organisme {i}");
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await imprimante.DisposeAsync();
}
