using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Routing;

namespace Sigma.Securite.Tests;

/// <summary>What a caller gets back, as a class of answers.</summary>
[Flags]
public enum Issue
{
    /// <summary>2xx.</summary>
    Ok = 1,
    /// <summary>302 elsewhere than the sign-in page (a POST accepted, redirect-after-post).</summary>
    Redirection = 2,
    /// <summary>302 to /connexion.</summary>
    VersConnexion = 4,
    /// <summary>400.</summary>
    Requete = 8,
    /// <summary>401.</summary>
    NonAuthentifie = 16,
    /// <summary>403.</summary>
    Interdit = 32,
    /// <summary>404.</summary>
    Introuvable = 64,
    /// <summary>302 to a page whose address contains « attente »: the page telling a pending account that its request waits for approval.</summary>
    PageAttente = 128,
    /// <summary>Anything else (405, 5xx…).</summary>
    Autre = 256,

    /// <summary>The pending account's rule: refused (403) or sent to the page saying its request is pending.</summary>
    Refuse = Interdit | PageAttente,
}

/// <summary>The six callers of the matrix, in the order the table lists them.</summary>
public enum Appelant { Anonyme, EnAttente, OrganisationB, Agent, Auditeur, OrganisationA }

public sealed record Attendus(Issue Anonyme, Issue EnAttente, Issue OrganisationB, Issue Agent, Issue Auditeur, Issue OrganisationA)
{
    public Issue Pour(Appelant a) => a switch
    {
        Appelant.Anonyme => Anonyme, Appelant.EnAttente => EnAttente, Appelant.OrganisationB => OrganisationB,
        Appelant.Agent => Agent, Appelant.Auditeur => Auditeur, _ => OrganisationA,
    };
}

/// <summary>
/// Every endpoint of the Host, called by six callers, each answer compared with a declared table.
/// Route parameters are filled with ids of organisation A: B calls them with A's ids; the pending account ("Inscrit simple" of A not yet approved)
/// must see and do nothing of A. POSTs carry a valid antiforgery token of the caller and an empty body, so that authorisation is what is checked.
/// </summary>
public sealed partial class AuthorisationMatrixTests(JeuDeDonnees jeu) : IClassFixture<JeuDeDonnees>
{
    private const Issue Ok = Issue.Ok, Redir = Issue.Redirection, Login = Issue.VersConnexion, Bad = Issue.Requete, Non401 = Issue.NonAuthentifie,
        Interdit = Issue.Interdit, Introuvable = Issue.Introuvable, Refuse = Issue.Refuse;

    private static Attendus R(Issue anonyme, Issue enAttente, Issue b, Issue agent, Issue auditeur, Issue a) => new(anonyme, enAttente, b, agent, auditeur, a);

    // THE TABLE. Key: "METHOD /route pattern" as the endpoint data source has it ("*" when the endpoint takes any method; it is called with GET).
    // Columns: anonymous, pending account of A, bidder of B with A's ids, agent, auditor, bidder of A (admin.demo, administrator of A).
    // Outcomes may be combined with | when either answer is right. Refuse = 403 or a redirect to a page whose address contains « attente ».
    // The pending column is the product's rule (an "Inscrit simple" not yet approved sees and does nothing of A), not what the code does today.
    // Redir on a write of B with A's ids: redirect-after-post with a refusal message; Writes_on_A_ids_… checks that nothing changed.
    public static readonly IReadOnlyDictionary<string, Attendus> Table = new Dictionary<string, Attendus>
    {
        //                                                                             anonyme     en attente  B (ids de A) agent       auditeur    A
        // Public pages and forms: everybody, the pending account included.
        ["* /health"] =                                                                R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /"] =                                                                    R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /accessibilite"] =                                                       R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /aide"] =                                                                R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /aide/assistance"] =                                                     R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /aide/faq"] =                                                            R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /aide/guide"] =                                                          R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /connexion"] =                                                           R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /consultations"] =                                                       R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /consultations/cloturees"] =                                             R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /consultations/{id:guid}"] =                                             R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /inscription"] =                                                         R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /inscription-simple"] =                                                  R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /inscription/confirmation"] =                                            R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /mot-de-passe-oublie"] =                                                 R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /mot-de-passe/definir"] =                                                R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /referentiels/{nomenclature}"] =                                         R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /signature/signer"] =                                                    R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /signature/verifier"] =                                                  R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["POST /connexion"] =                                                          R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["POST /consultations/{id:guid}/dce"] =                                        R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["POST /inscription"] =                                                        R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["POST /inscription-simple"] =                                                 R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["POST /mot-de-passe-oublie"] =                                                R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["POST /mot-de-passe/definir"] =                                               R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["POST /signature/signer"] =                                                   R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["POST /signature/verifier"] =                                                 R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["POST /signature/verifier/rapport.pdf"] =                                     R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        // Agents' back office (consultations, mails caught locally, Hangfire, signature requests made by agents).
        ["* /hangfire/{**path}"] =                                                     R(Non401,      Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /back-office/consultations"] =                                           R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /back-office/consultations/nouvelle"] =                                  R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /back-office/consultations/{id:guid}"] =                                 R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /back-office/consultations/{id:guid}/registres/depots"] =                R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /back-office/consultations/{id:guid}/registres/depots.csv"] =            R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /back-office/consultations/{id:guid}/registres/questions.csv"] =         R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /back-office/consultations/{id:guid}/registres/retraits"] =              R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /back-office/consultations/{id:guid}/registres/retraits.csv"] =          R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /courriels"] =                                                           R(Login,       Interdit,    Interdit,    Introuvable, Interdit,    Interdit),
        ["GET /courriels/{id}"] =                                                      R(Login,       Interdit,    Interdit,    Introuvable, Interdit,    Interdit),
        ["POST /back-office/consultations/nouvelle"] =                                 R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["POST /back-office/consultations/{id:guid}/dce"] =                            R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["POST /back-office/consultations/{id:guid}/proroger"] =                       R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["POST /back-office/consultations/{id:guid}/publier"] =                        R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["POST /back-office/consultations/{id:guid}/questions/{questionId:guid}/reponse"] = R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        // The auditors' screens (read-only): auditors and agents.
        ["GET /audit/consultations"] =                                                  R(Login,       Interdit,    Interdit,    Ok,          Ok,          Interdit),
        ["GET /audit/consultations/{id:guid}"] =                                        R(Login,       Interdit,    Interdit,    Ok,          Ok,          Interdit),
        ["GET /audit/reponses"] =                                                       R(Login,       Interdit,    Interdit,    Ok,          Ok,          Interdit),
        ["GET /audit/reponses/{id:guid}"] =                                             R(Login,       Interdit,    Interdit,    Ok,          Ok,          Interdit),
        ["GET /audit/reponses/{id:guid}/historique.{format:regex(^(json|pdf)$)}"] =      R(Login,       Interdit,    Interdit,    Ok,          Ok,          Interdit),
        ["GET /audit/verification"] =                                                   R(Login,       Interdit,    Interdit,    Ok,          Ok,          Interdit),
        ["GET /audit/verification/rapport"] =                                           R(Login,       Interdit,    Interdit,    Ok,          Ok,          Interdit),
        ["POST /audit/verification/point-de-controle"] =                                R(Login,       Interdit,    Interdit,    Redir,       Redir,       Interdit),
        // The opening of the plis and the award: agents only. The demo consultation's deadline is ahead: the opening is refused
        // (a flash message), so its plis read 404 for the agent too (the opened case is proven by OuvertureWebTests).
        ["GET /back-office/ouvertures/{consultationId:guid}"] =                         R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /back-office/ouvertures/{consultationId:guid}/plis/{reponseId:guid}"] =   R(Login,       Interdit,    Interdit,    Introuvable, Interdit,    Interdit),
        ["GET /back-office/ouvertures/{consultationId:guid}/plis/{reponseId:guid}/fichiers/{index:int}"] = R(Login, Interdit, Interdit, Introuvable, Interdit, Interdit),
        ["GET /back-office/ouvertures/{consultationId:guid}/plis/{reponseId:guid}/pli.zip"] = R(Login,  Interdit,    Interdit,    Introuvable, Interdit,    Interdit),
        ["POST /back-office/ouvertures/{consultationId:guid}/ouvrir"] =                 R(Login,       Interdit,    Interdit,    Redir,       Interdit,    Interdit),
        ["POST /back-office/ouvertures/{consultationId:guid}/lots/{lot:int}/decisions"] = R(Login,     Interdit,    Interdit,    Redir,       Interdit,    Interdit),
        ["POST /back-office/ouvertures/{consultationId:guid}/lots/{lot:int}/notifier"] = R(Login,      Interdit,    Interdit,    Redir,       Interdit,    Interdit),
        // The publication of awarded offers (LHÉO to the CARIF-OREF) and the contracts' essential data: agents only. The offer id is
        // a draft's (never published): its XML reads 404, « Renvoyer » and « Retirer » refuse with a flash message.
        ["GET /back-office/publications/{consultationId:guid}"] =                       R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /back-office/publications/{consultationId:guid}/{offreId:guid}/lheo.xml"] = R(Login,     Interdit,    Interdit,    Introuvable, Interdit,    Interdit),
        ["POST /back-office/publications/{consultationId:guid}/{offreId:guid}/renvoyer"] = R(Login,    Interdit,    Interdit,    Redir,       Interdit,    Interdit),
        ["POST /back-office/publications/{consultationId:guid}/{offreId:guid}/retirer"] = R(Login,     Interdit,    Interdit,    Redir,       Interdit,    Interdit),
        ["GET /back-office/publications/{consultationId:guid}/donnees-essentielles.json"] = R(Login,   Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        ["GET /back-office/publications/{consultationId:guid}/donnees-essentielles.xml"] = R(Login,    Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        // Open data: the CARIF-OREF's pull flux and the essential data of the contracts, for everyone.
        ["GET /flux/lheo"] =                                                           R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /donnees-essentielles"] =                                                R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        ["GET /donnees-essentielles.xml"] =                                            R(Ok,          Ok,          Ok,          Ok,          Ok,          Ok),
        // The organisation's accounts: its administrators only. B calls them with the id of formateur.demo (of A): the refusal is a redirect with a flash message (checked by Writes_on_A_ids_…).
        ["GET /organisation/comptes"] =                                                R(Login,       Interdit,    Ok,          Interdit,    Interdit,    Ok),
        ["POST /organisation/comptes/ajouter"] =                                       R(Login,       Interdit,    Ok,          Interdit,    Interdit,    Ok),
        ["POST /organisation/comptes/{compteId:guid}/desactiver"] =                    R(Login,       Interdit,    Redir,       Interdit,    Interdit,    Redir),
        ["POST /organisation/comptes/{compteId:guid}/reactiver"] =                     R(Login,       Interdit,    Redir,       Interdit,    Interdit,    Redir),
        // Requests of "inscrits simples": the organisation's administrators decide (compteId is formateur.demo, not pending:
        // every decision is refused with a message), the agents from the back office; the pending account reads its own page.
        ["POST /rattachements/{compteId:guid}/approuver"] =                            R(Login,       Interdit,    Redir,       Redir,       Interdit,    Redir),
        ["GET /rattachements/{compteId:guid}/refuser"] =                               R(Login,       Interdit,    Redir,       Redir,       Interdit,    Redir),
        ["POST /rattachements/{compteId:guid}/refuser"] =                              R(Login,       Interdit,    Redir,       Redir,       Interdit,    Redir),
        ["GET /organisation/demande-en-attente"] =                                     R(Login,       Ok,          Interdit,    Interdit,    Interdit,    Interdit),
        ["GET /back-office/rattachements"] =                                           R(Login,       Interdit,    Interdit,    Ok,          Interdit,    Interdit),
        // A bidder's responses. B gets 404 on A's ids; the writes that redirect-after-post refuse with a flash message (checked by Writes_on_A_ids_…). The pending account must be refused.
        ["GET /reponses"] =                                                            R(Login,       Refuse,      Ok,          Interdit,    Interdit,    Ok),
        ["GET /reponses/{id:guid}"] =                                                  R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["GET /reponses/{id:guid}/accuse"] =                                           R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["GET /reponses/{id:guid}/accuse.pdf"] =                                       R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["GET /reponses/{id:guid}/candidature/{onglet=candidat}"] =                    R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["GET /reponses/{id:guid}/envoyer"] =                                          R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["GET /reponses/{id:guid}/offres/{offreId:guid}/{onglet=offre}"] =             R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["GET /reponses/{id:guid}/pieces/{pieceId:guid}"] =                            R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["GET /reponses/{id:guid}/editions/{editionId:guid}"] =                        R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["GET /reponses/{id:guid}/pli.zip"] =                                          R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["POST /reponses/commencer"] =                                                 R(Login,       Refuse,      Redir,       Interdit,    Interdit,    Redir),
        ["POST /reponses/{id:guid}/candidature/{onglet}"] =                            R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["POST /reponses/{id:guid}/envoyer"] =                                         R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["POST /reponses/{id:guid}/offres"] =                                          R(Login,       Refuse,      Redir,       Interdit,    Interdit,    Redir),
        ["POST /reponses/{id:guid}/offres/{offreId:guid}/supprimer"] =                 R(Login,       Refuse,      Redir,       Interdit,    Interdit,    Redir),
        ["POST /reponses/{id:guid}/offres/{offreId:guid}/{onglet}"] =                  R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["POST /reponses/{id:guid}/pieces"] =                                          R(Login,       Refuse,      Redir,       Interdit,    Interdit,    Redir),
        ["POST /reponses/{id:guid}/pieces/{pieceId:guid}/retirer"] =                   R(Login,       Refuse,      Redir,       Interdit,    Interdit,    Redir),
        // Signature requests: the agent who asked, auditors, and the organisation asked. The version id is random (404).
        ["GET /signature/demandes"] =                                                  R(Login,       Refuse,      Ok,          Ok,          Ok,          Ok),
        ["GET /signature/demandes/{id:guid}"] =                                        R(Login,       Refuse,      Introuvable, Ok,          Ok,          Ok),
        ["GET /signature/demandes/{id:guid}/document"] =                               R(Login,       Refuse,      Introuvable, Ok,          Ok,          Ok),
        ["GET /signature/demandes/{id:guid}/versions/{version:guid}"] =                R(Login,       Refuse | Introuvable, Introuvable, Introuvable, Introuvable, Introuvable),
        ["POST /signature/demandes/{id:guid}/deposer"] =                               R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        ["POST /signature/demandes/{id:guid}/signer"] =                                R(Login,       Refuse,      Introuvable, Interdit,    Interdit,    Ok),
        // Questions on a consultation: bidders only; the pending account must not ask in A's name.
        ["POST /consultations/{id:guid}/questions"] =                                  R(Login,       Refuse,      Ok,          Interdit,    Interdit,    Ok),
        // The error page: the status it is asked for (404 here).
        ["* /erreur/{code?}"] =                                                        R(Introuvable, Introuvable, Introuvable, Introuvable, Introuvable, Introuvable),
        // Sign-out.
        ["POST /deconnexion"] =                                                        R(Login,       Redir,       Redir,       Redir,       Redir,       Redir),
    };

    private static readonly Appelant[] Appelants = [Appelant.Anonyme, Appelant.EnAttente, Appelant.OrganisationB, Appelant.Agent, Appelant.Auditeur, Appelant.OrganisationA];

    /// <summary>The endpoints of the data source: "METHOD /pattern" for each method of each route endpoint.</summary>
    private List<string> Points()
    {
        var source = jeu.Sigma.Services.GetRequiredService<EndpointDataSource>();
        return source.Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e =>
            {
                var motif = "/" + (e.RoutePattern.RawText ?? "").TrimStart('/');
                var methodes = e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods;
                return methodes is { Count: > 0 } ? methodes.Select(m => $"{m} {motif}") : [$"* {motif}"];
            })
            .Distinct().ToList();
    }

    [Fact]
    public void Every_endpoint_of_the_host_has_an_entry_in_the_table_and_every_entry_an_endpoint()
    {
        var points = Points();
        var sansEntree = points.Where(p => !Table.ContainsKey(p)).ToList();
        var sansPoint = Table.Keys.Where(k => !points.Contains(k)).ToList();
        (sansEntree.Count + sansPoint.Count).ShouldBe(0,
            (sansEntree.Count > 0 ? "Points d'entrée absents de la table :\n  " + string.Join("\n  ", sansEntree) + "\n" : "") +
            (sansPoint.Count > 0 ? "Entrées de la table sans point d'entrée :\n  " + string.Join("\n  ", sansPoint) : ""));
    }

    [Fact]
    public async Task Every_endpoint_answers_every_caller_as_the_table_declares()
    {
        var ecarts = new List<string>();
        var observe = new StringBuilder();
        foreach (var point in Ordonner(Points()))
        {
            var issues = new Issue[Appelants.Length];
            var details = new string[Appelants.Length];
            for (var i = 0; i < Appelants.Length; i++)
            {
                var (issue, detail) = await AppelerAsync(Appelants[i], point);
                issues[i] = issue;
                details[i] = detail;
            }
            observe.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"        [\"{point}\"] = R({string.Join(", ", issues.Select(Nom))}),");
            if (Table.TryGetValue(point, out var attendus))
            {
                for (var i = 0; i < Appelants.Length; i++)
                {
                    if ((attendus.Pour(Appelants[i]) & issues[i]) == 0)
                    {
                        ecarts.Add($"{point} [{Appelants[i]}] attendu {attendus.Pour(Appelants[i])}, obtenu {details[i]}");
                    }
                }
            }
        }
        await jeu.ReconnecterAsync();
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "matrice-observee.txt"), observe.ToString());
        ecarts.ShouldBeEmpty($"{ecarts.Count} cases de la matrice diffèrent de la table :\n" + string.Join("\n", ecarts) + "\n\nMatrice observée :\n" + observe);
    }

    private static string Nom(Issue i) => i switch
    {
        Issue.Ok => "Ok", Issue.Redirection => "Redir", Issue.VersConnexion => "Login", Issue.Requete => "Bad", Issue.NonAuthentifie => "Non401",
        Issue.Interdit => "Interdit", Issue.Introuvable => "Introuvable", Issue.PageAttente => "Refuse", _ => "Autre",
    };

    /// <summary>Reads first, then writes; the writes that change what others read (delete an offer, remove a piece, sign out) last.</summary>
    private static IEnumerable<string> Ordonner(IEnumerable<string> points) => points.OrderBy(p =>
        p.EndsWith("/deconnexion", StringComparison.Ordinal) ? 9
        : p.Contains("/supprimer", StringComparison.Ordinal) || p.Contains("/retirer", StringComparison.Ordinal) ? 8
        : p.Contains("/desactiver", StringComparison.Ordinal) ? 6 : p.Contains("/reactiver", StringComparison.Ordinal) ? 7
        : p.StartsWith("GET", StringComparison.Ordinal) || p.StartsWith('*') ? 0 : 5).ThenBy(p => p, StringComparer.Ordinal);

    private HttpClient Client(Appelant a) => a switch
    {
        Appelant.Anonyme => jeu.Anonyme, Appelant.EnAttente => jeu.EnAttente, Appelant.OrganisationB => jeu.OrganisationB,
        Appelant.Agent => jeu.Agent, Appelant.Auditeur => jeu.Auditeur, _ => jeu.OrganisationA,
    };

    /// <summary>The route with its parameters filled with organisation A's ids.</summary>
    public string Remplir(string motif) => Parametre().Replace(motif, m =>
    {
        var nom = m.Groups[1].Value;
        return nom switch
        {
            "id" when motif.StartsWith("/audit/reponses/", StringComparison.Ordinal) => jeu.ReponseEnvoyee.ToString(),
            "id" when motif.StartsWith("/audit/consultations/", StringComparison.Ordinal) => jeu.ConsultationDemo.ToString(),
            "id" when motif.StartsWith("/reponses/{id:guid}/accuse", StringComparison.Ordinal) || motif.StartsWith("/reponses/{id:guid}/pli", StringComparison.Ordinal) => jeu.ReponseEnvoyee.ToString(),
            "id" when motif.StartsWith("/reponses/", StringComparison.Ordinal) => jeu.Brouillon.ToString(),
            "id" when motif.StartsWith("/signature/demandes/", StringComparison.Ordinal) => jeu.DemandeSignature.ToString(),
            "id" when motif.StartsWith("/consultations/", StringComparison.Ordinal) || motif.StartsWith("/back-office/consultations/", StringComparison.Ordinal) => jeu.ConsultationDemo.ToString(),
            "offreId" => jeu.Offre.ToString(),
            "pieceId" => jeu.Piece.ToString(),
            "editionId" => jeu.Edition.ToString(),
            "consultationId" => jeu.ConsultationDemo.ToString(),
            "reponseId" => jeu.ReponseEnvoyee.ToString(),
            "lot" => "1",
            "index" => "0",
            "questionId" => jeu.Question.ToString(),
            "compteId" => jeu.CompteFormateur.ToString(),
            "onglet" when motif.Contains("/offres/", StringComparison.Ordinal) => "offre",
            "onglet" => "candidat",
            "format" => "pdf",
            "code" => "404",
            "nomenclature" => "formacode",
            "path" => "",
            _ => Guid.NewGuid().ToString(),
        };
    }).Replace("//", "/");

    private static async Task<HttpResponseMessage> EnvoyerAsync(HttpClient client, string methode, string chemin)
    {
        HttpResponseMessage reponse;
        if (methode is "GET" or "*" or "HEAD")
        {
            reponse = await client.GetAsync(chemin);
        }
        else
        {
            // Multipart, so that the upload endpoints (which read the token from the multipart stream themselves) check authorisation too.
            var jeton = await client.JetonAsync("/connexion");
            using var corps = new MultipartFormDataContent { { new StringContent(jeton), "__RequestVerificationToken" } };
            reponse = await client.SendAsync(new HttpRequestMessage(new HttpMethod(methode), chemin) { Content = corps });
        }
        return reponse;
    }

    private async Task<(Issue, string)> AppelerAsync(Appelant appelant, string point)
    {
        var client = Client(appelant);
        var methode = point[..point.IndexOf(' ', StringComparison.Ordinal)];
        var chemin = Remplir(point[(methode.Length + 1)..]);
        HttpResponseMessage reponse;
        try
        {
            reponse = await EnvoyerAsync(client, methode, chemin);
        }
        catch (Exception e)
        {
            return (Issue.Autre, $"{methode} {chemin} → exception du serveur {e.GetType().Name}: {e.Message.Split('\n')[0]}");
        }
        var code = (int)reponse.StatusCode;
        var lieu = reponse.Headers.Location?.ToString() ?? "";
        var issue = code switch
        {
            >= 200 and < 300 => Issue.Ok,
            302 or 303 when Regex.IsMatch(lieu, "^(https?://[^/]+)?/connexion") => Issue.VersConnexion,
            302 or 303 when lieu.Contains("attente", StringComparison.OrdinalIgnoreCase) => Issue.PageAttente,
            302 or 303 => Issue.Redirection,
            400 => Issue.Requete,
            401 => Issue.NonAuthentifie,
            403 => Issue.Interdit,
            404 => Issue.Introuvable,
            _ => Issue.Autre,
        };
        return (issue, $"{methode} {chemin} → {code}{(lieu.Length > 0 ? " " + lieu : "")}");
    }

    /// <summary>No POST is carried out without the caller's antiforgery token: 400, or refused before (403, or the sign-in page for an anonymous caller).</summary>
    [Fact]
    public async Task Every_post_without_an_antiforgery_token_answers_400()
    {
        var acceptes = new List<string>();
        foreach (var point in Ordonner(Points()).Where(p => p.StartsWith("POST ", StringComparison.Ordinal)))
        {
            var chemin = Remplir(point[5..]);
            foreach (var appelant in new[] { Appelant.Anonyme, Appelant.OrganisationA, Appelant.Agent })
            {
                foreach (var corps in new HttpContent[] { new FormUrlEncodedContent(new Dictionary<string, string> { ["x"] = "1" }), SansJeton() })
                {
                    HttpResponseMessage r;
                    try
                    {
                        r = await Client(appelant).PostAsync(chemin, corps);
                    }
                    catch (Exception e) when (e is not ShouldAssertException)
                    {
                        acceptes.Add($"{appelant}: POST {chemin} ({corps.Headers.ContentType!.MediaType}) sans jeton → exception du serveur {e.GetType().Name}: {e.Message.Split('\n')[0]}");
                        continue;
                    }
                    var lieu = r.Headers.Location?.ToString() ?? "";
                    var refuse = r.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Forbidden
                        || (appelant == Appelant.Anonyme && r.StatusCode == HttpStatusCode.Redirect && Regex.IsMatch(lieu, "^(https?://[^/]+)?/connexion"));
                    if (!refuse)
                    {
                        acceptes.Add($"{appelant}: POST {chemin} ({corps.Headers.ContentType!.MediaType}) sans jeton → {(int)r.StatusCode} {lieu}");
                    }
                }
            }
        }
        await jeu.ReconnecterAsync();
        acceptes.ShouldBeEmpty("POST sans jeton antiforgery qui ne répondent ni 400, ni 403, ni (anonyme) un renvoi vers /connexion :\n" + string.Join("\n", acceptes));
    }

    /// <summary>
    /// The matrix sees a redirect-after-post for some writes of B on A's ids (the refusal is then only a flash message): check what they changed.
    /// The pending account is checked the same way (it must do nothing of A).
    /// </summary>
    [Theory]
    [InlineData(Appelant.OrganisationB)]
    [InlineData(Appelant.EnAttente)]
    public async Task Writes_on_A_ids_by_another_organisation_or_the_pending_account_change_nothing_of_A(Appelant appelant)
    {
        var a = jeu.OrganisationA;
        var id = jeu.Brouillon;
        var lot = appelant == Appelant.OrganisationB ? 2 : 3;
        var offre = await Soumissionnaire.CreerOffreAsync(a, id, lot);
        (await Soumissionnaire.DeposerAsync(a, id, offre, "CvEquipe", "CvEquipe.pdf", Soumissionnaire.Pdf("CV"))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var pageOffre = await a.GetStringAsync($"/reponses/{id}/offres/{offre}/offre");
        var piece = Guid.Parse(Regex.Match(pageOffre, $"/reponses/{id}/pieces/([0-9a-f-]{{36}})").Groups[1].Value);
        var offresAvant = Regex.Matches(await a.GetStringAsync($"/reponses/{id}"), "/offres/([0-9a-f-]{36})/").Select(m => m.Groups[1].Value).ToHashSet();
        var version = Soumissionnaire.Version(await a.GetStringAsync($"/reponses/{id}/candidature/candidat"));

        var autre = Client(appelant);
        var faits = new List<string>();
        async Task Poster(string chemin, Dictionary<string, string> champs)
        {
            champs["__RequestVerificationToken"] = await autre.JetonAsync("/connexion");
            var r = await autre.PostAsync(chemin, new FormUrlEncodedContent(champs));
            faits.Add($"POST {chemin} → {(int)r.StatusCode} {r.Headers.Location}");
        }
        await Poster($"/reponses/{id}/offres", new() { ["lot"] = "1" });
        await Poster($"/reponses/{id}/offres/{offre}/supprimer", []);
        await Poster($"/reponses/{id}/pieces/{piece}/retirer", new() { ["offre"] = offre.ToString() });
        await Poster($"/reponses/{id}/candidature/candidat", new() { ["version"] = version, ["action"] = "enregistrer", ["Candidat.Siege.RaisonSociale"] = "PIRATE-" + appelant });
        await Poster($"/reponses/{id}/offres/{offre}/offre", new() { ["version"] = Soumissionnaire.Version(pageOffre), ["action"] = "enregistrer", ["Offre.Intitule"] = "PIRATE-" + appelant });
        await Poster($"/organisation/comptes/{jeu.CompteFormateur}/desactiver", []);
        var depot = await Soumissionnaire.DeposerAsync(autre, id, offre, "PlateauxTechniques", "PIRATE.pdf", Soumissionnaire.Pdf("PIRATE"), pageJeton: "/connexion");
        faits.Add($"POST /reponses/{id}/pieces?offre={offre} (PIRATE.pdf) → {(int)depot.StatusCode} {depot.Headers.Location}");

        var changes = new List<string>();
        var offresApres = Regex.Matches(await a.GetStringAsync($"/reponses/{id}"), "/offres/([0-9a-f-]{36})/").Select(m => m.Groups[1].Value).ToHashSet();
        if (!offresApres.SetEquals(offresAvant))
        {
            changes.Add($"offres du brouillon de A : avant {string.Join(",", offresAvant)}, après {string.Join(",", offresApres)}");
        }
        if ((await a.GetAsync($"/reponses/{id}/pieces/{piece}")).StatusCode != HttpStatusCode.OK)
        {
            changes.Add("la pièce de A a été retirée");
        }
        if ((await a.GetStringAsync($"/reponses/{id}/candidature/candidat")).Contains("PIRATE-", StringComparison.Ordinal))
        {
            changes.Add("l'onglet Candidat de A a été écrasé");
        }
        var pageOffreApres = await a.GetAsync($"/reponses/{id}/offres/{offre}/offre");
        if ((await pageOffreApres.Content.ReadAsStringAsync()).Contains("PIRATE.pdf", StringComparison.Ordinal)
            || (await a.GetStringAsync($"/reponses/{id}/candidature/pieces")).Contains("PIRATE.pdf", StringComparison.Ordinal))
        {
            changes.Add("une pièce PIRATE.pdf a été déposée dans le brouillon de A");
        }
        var offreApres = await a.GetAsync($"/reponses/{id}/offres/{offre}/offre");
        if (offreApres.StatusCode == HttpStatusCode.OK && (await offreApres.Content.ReadAsStringAsync()).Contains("PIRATE-", StringComparison.Ordinal))
        {
            changes.Add("l'onglet Offre de A a été écrasé");
        }
        if ((await jeu.Sigma.Navigateur().ConnecterAsync("formateur.demo", Soumissionnaire.MotDePasse)).StatusCode != HttpStatusCode.Redirect)
        {
            changes.Add("le compte formateur.demo de A a été désactivé");
            await a.PosterAsync("/organisation/comptes", $"/organisation/comptes/{jeu.CompteFormateur}/reactiver", new Dictionary<string, string>());
        }
        changes.ShouldBeEmpty($"{appelant} a changé des données de A :\n" + string.Join("\n", changes) + "\nRequêtes :\n" + string.Join("\n", faits));
    }

    /// <summary>A multipart body with a field and a file, no token.</summary>
    private static MultipartFormDataContent SansJeton()
    {
        var fichier = new ByteArrayContent(Soumissionnaire.Pdf("sans jeton"));
        fichier.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { new StringContent("Pouvoirs"), "categorie" }, { fichier, "fichier", "Pouvoirs.pdf" } };
    }

    [GeneratedRegex(@"\{\*{0,2}([A-Za-z]+)[^}]*\}")]
    private static partial Regex Parametre();
}
