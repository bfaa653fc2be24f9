using System.Net;
using System.Security.Cryptography;
using System.Text;
using Sigma.Documents.Contracts;

namespace Sigma.Documents.Features.RendreDocument;

/// <summary>
/// One document: its template filled with the escaped data, wrapped in the shared page (the print stylesheet, Marianne,
/// the State's block mark), printed by the shared Chromium with the footer every document has (the reference, the
/// generation time, the content's fingerprint, page numbers). Everything stays in memory.
/// </summary>
internal sealed class RendreDocumentHandler(Imprimante imprimante, Polices polices, TimeProvider clock) : IRequestHandler<Contracts.RendreDocument, DocumentRendu>
{
    private static readonly Lazy<string> Feuille = new(() => Gabarits.Ressource("impression.css"));

    public async Task<DocumentRendu> Handle(Contracts.RendreDocument r, CancellationToken ct)
    {
        var modele = Fichier(r.Modele);
        var json = Gabarits.EnJson(r.Donnees);
        var empreinte = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{modele}\n{r.Titre}\n{json?.ToJsonString()}"))).ToLowerInvariant();
        var corps = Gabarits.Rendre(modele, json);
        var maintenant = clock.GetUtcNow();
        var titre = WebUtility.HtmlEncode(r.Titre);
        var html = $"""
            <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>{titre}</title><style>{polices.Css}{Feuille.Value}</style></head>
            <body><header class="entete"><div class="marque">République<br>française<small>Sigma — marchés de la formation professionnelle</small></div>
            <div class="plateforme">{WebUtility.HtmlEncode(r.Reference ?? "")}</div></header>
            <h1>{titre}</h1>
            {corps}
            </body></html>
            """;
        var pied = $"""
            <div style="width:100%;margin:0 15mm;font-family:'DejaVu Sans',Arial,sans-serif;font-size:6.5pt;color:#555;display:flex;justify-content:space-between;gap:8pt">
            <span>{WebUtility.HtmlEncode(r.Reference ?? r.Titre)} — généré le {ParisTime.AfficheALaSeconde(maintenant)} (heure de Paris) — empreinte {empreinte[..16]}</span>
            <span style="white-space:nowrap">page <span class="pageNumber"></span> / <span class="totalPages"></span></span></div>
            """;
        return new DocumentRendu(await imprimante.ImprimerAsync(html, pied, ct), empreinte, maintenant);
    }

    public static string Fichier(ModeleDocument modele) => modele switch
    {
        ModeleDocument.FichePresentation => "fiche-presentation.sbn",
        ModeleDocument.Dc1 => "dc1.sbn",
        ModeleDocument.Dc2 => "dc2.sbn",
        ModeleDocument.AnnexePedagogique => "annexe-pedagogique.sbn",
        ModeleDocument.FicheRecapitulative => "fiche-recapitulative.sbn",
        ModeleDocument.Dc4 => "dc4.sbn",
        ModeleDocument.ActeEngagement => "acte-engagement.sbn",
        ModeleDocument.AccuseReception => "accuse-reception.sbn",
        ModeleDocument.HistoriqueReponse => "historique-reponse.sbn",
        _ => "rapport-verification.sbn",
    };
}
