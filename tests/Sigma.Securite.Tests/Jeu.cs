using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;

namespace Sigma.Securite.Tests;

/// <summary>
/// The data both security test classes need, created through HTTP as the product's own web tests do:
/// organisation A (admin.demo) with a draft, an offer and a piece on 2027-FP-001 and a sent response on 2027-PP-003,
/// a question on 2027-PP-003, a signature request on A's sent response, and a pending "Inscrit simple" account of A.
/// </summary>
public sealed partial class JeuDeDonnees : IAsyncLifetime
{
    public const string SiretA = "73282932000074";
    public const string MotDePasseEnAttente = "Formation-Occitanie-2026";

    public SigmaFactory Sigma { get; } = new();

    public HttpClient Anonyme { get; private set; } = default!;
    public HttpClient OrganisationA { get; private set; } = default!;
    public HttpClient OrganisationB { get; private set; } = default!;
    public HttpClient EnAttente { get; private set; } = default!;
    public HttpClient Agent { get; private set; } = default!;
    public HttpClient Auditeur { get; private set; } = default!;

    public string IdentifiantEnAttente { get; private set; } = "";
    public Guid ConsultationDemo { get; private set; }
    public Guid ConsultationBrouillon { get; private set; }
    public Guid Brouillon { get; private set; }
    public Guid Offre { get; private set; }
    public Guid Piece { get; private set; }
    public Guid Edition { get; private set; }
    public Guid ReponseEnvoyee { get; private set; }
    public Guid Question { get; private set; }
    public Guid DemandeSignature { get; private set; }
    public Guid CompteFormateur { get; private set; }

    public async Task InitializeAsync()
    {
        await Sigma.InitializeAsync();
        Anonyme = Sigma.Navigateur();
        OrganisationA = await Soumissionnaire.ConnecteAsync(Sigma, "admin.demo");
        OrganisationB = await Soumissionnaire.ConnecteAsync(Sigma, "admin.sud");
        Agent = await Soumissionnaire.ConnecteAsync(Sigma, "agent.region");
        Auditeur = await Soumissionnaire.ConnecteAsync(Sigma, "auditeur");

        // The pending account: "Inscrit simple" with A's SIRET, never approved by A's administrator.
        IdentifiantEnAttente = "attente." + Guid.NewGuid().ToString("N")[..8];
        var inscription = Sigma.Navigateur();
        var r = await inscription.PosterAsync("/inscription-simple", "/inscription-simple", new Dictionary<string, string>
        {
            ["Siret"] = SiretA, ["Identifiant"] = IdentifiantEnAttente, ["Email"] = $"{IdentifiantEnAttente}@foa.test", ["Prenom"] = "Paul", ["Nom"] = "Attente",
            ["MotDePasse"] = MotDePasseEnAttente, ["ConfirmationMotDePasse"] = MotDePasseEnAttente,
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        EnAttente = Sigma.Navigateur();
        (await EnAttente.ConnecterAsync(IdentifiantEnAttente, MotDePasseEnAttente)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        // A's sent response on the demo consultation, and the signature request an agent makes on it.
        ConsultationDemo = await Soumissionnaire.ConsultationAsync(OrganisationA);
        ReponseEnvoyee = await Soumissionnaire.CommencerAsync(OrganisationA, ConsultationDemo);
        await Soumissionnaire.ValiderCandidatureAsync(OrganisationA, ReponseEnvoyee);
        var offreEnvoyee = await Soumissionnaire.CreerOffreAsync(OrganisationA, ReponseEnvoyee);
        await Soumissionnaire.ValiderOffreAsync(OrganisationA, ReponseEnvoyee, offreEnvoyee);
        var envoi = await Soumissionnaire.EnvoyerAsync(OrganisationA, ReponseEnvoyee);
        envoi.StatusCode.ShouldBe(HttpStatusCode.Redirect, await envoi.Content.ReadAsStringAsync());
        DemandeSignature = await DemanderSignatureAsync();

        // A's draft (another consultation: one response per organisation and consultation): candidature validated (with its pieces), an offer.
        ConsultationBrouillon = await Soumissionnaire.ConsultationAsync(OrganisationA, "2027-FP-001");
        Brouillon = await Soumissionnaire.CommencerAsync(OrganisationA, ConsultationBrouillon);
        await Soumissionnaire.ValiderCandidatureAsync(OrganisationA, Brouillon);
        Offre = await Soumissionnaire.CreerOffreAsync(OrganisationA, Brouillon);
        var pieces = await OrganisationA.GetStringAsync($"/reponses/{Brouillon}/candidature/pieces");
        Piece = Guid.Parse(new Regex($"/reponses/{Brouillon}/pieces/([0-9a-f-]{{36}})").Match(pieces).Groups[1].Value);
        Edition = Guid.Parse(new Regex($"/reponses/{Brouillon}/editions/([0-9a-f-]{{36}})").Match(pieces).Groups[1].Value);

        // A question of A on the demo consultation, as the agent sees it.
        (await OrganisationA.PosterAsync($"/consultations/{ConsultationDemo}", $"/consultations/{ConsultationDemo}/questions",
            new Dictionary<string, string> { ["question"] = "Les immersions peuvent-elles se faire hors Occitanie ?" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var gestion = await Agent.GetStringAsync($"/back-office/consultations/{ConsultationDemo}");
        Question = Guid.Parse(QuestionLien().Match(gestion).Groups[1].Value);

        // formateur.demo, the other account of A, as A's administrator sees it.
        var comptes = await OrganisationA.GetStringAsync("/organisation/comptes");
        var apres = comptes.IndexOf("formateur.demo", StringComparison.Ordinal);
        var lien = CompteLien().Match(comptes, Math.Max(apres, 0));
        CompteFormateur = lien.Success ? Guid.Parse(lien.Groups[1].Value) : Guid.NewGuid();
    }

    /// <summary>Signs the shared clients in again (after a sign-out, or a sign-in elsewhere: an account has one session at a time).</summary>
    public async Task ReconnecterAsync()
    {
        foreach (var (client, identifiant, motDePasse) in new[] { (OrganisationA, "admin.demo", Soumissionnaire.MotDePasse), (OrganisationB, "admin.sud", Soumissionnaire.MotDePasse),
            (Agent, "agent.region", Soumissionnaire.MotDePasse), (Auditeur, "auditeur", Soumissionnaire.MotDePasse), (EnAttente, IdentifiantEnAttente, MotDePasseEnAttente) })
        {
            (await client.ConnecterAsync(identifiant, motDePasse)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        }
    }

    private Task<Guid> DemanderSignatureAsync() => Attribution.DemanderSignatureAsync(Sigma.Services, ReponseEnvoyee, PdfMinimal(), "Acte d'engagement.pdf");

    /// <summary>A one-page PDF with a classic cross-reference table.</summary>
    public static byte[] PdfMinimal()
    {
        string[] objets = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>", "<< /Length 27 >>\nstream\n0 0 1 rg 50 700 200 50 re f\nendstream"];
        var pdf = new StringBuilder("%PDF-1.7\n");
        var positions = new List<int>();
        for (var i = 0; i < objets.Length; i++)
        {
            positions.Add(Encoding.Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objets[i]}\nendobj\n");
        }
        var xref = Encoding.Latin1.GetByteCount(pdf.ToString());
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"xref\n0 {objets.Length + 1}\n0000000000 65535 f\r\n");
        positions.ForEach(p => pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"{p:D10} 00000 n\r\n"));
        pdf.Append(System.Globalization.CultureInfo.InvariantCulture, $"trailer\n<< /Size {objets.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Encoding.Latin1.GetBytes(pdf.ToString());
    }

    public async Task DisposeAsync() => await Sigma.DisposeAsync();

    [GeneratedRegex("/questions/([0-9a-f-]{36})/reponse")]
    private static partial Regex QuestionLien();

    [GeneratedRegex("/organisation/comptes/([0-9a-f-]{36})/(?:desactiver|reactiver)")]
    private static partial Regex CompteLien();
}
