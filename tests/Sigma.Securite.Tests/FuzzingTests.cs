using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;

namespace Sigma.Securite.Tests;

/// <summary>
/// Over ten thousand malformed requests (seed 2026) on every form POST and upload endpoint and the main GET routes, as organisation A's bidder
/// and as an anonymous visitor: never a 5xx, never a status outside 200–599, every 4xx page in French, and the draft saved at the start intact.
/// </summary>
public sealed class FuzzingTests(JeuDeDonnees jeu) : IClassFixture<JeuDeDonnees>
{
    private const int Nombre = 10_400;
    private const string Temoin = "TEMOIN-FUZZ-2026";
    private static readonly TimeSpan DureeMax = TimeSpan.FromMinutes(6);

    /// <summary>Words one of which a French error page or field message has.</summary>
    private static readonly string[] MotsFrancais =
        ["invalide", "introuvable", "refusé", "Requête", "trouvée", "Accès", "erreur", "Erreur", "obligatoire", "Veuillez", "Choisissez", "Saisissez", "n'est pas", "n&#x27;est pas", "autorisé", "Désolé"];

    private sealed record Requete(int Numero, string Classe, bool Anonyme, string Methode, string Chemin, string Resume, Func<string, HttpContent?> Corps);

    private sealed record Resultat(Requete Requete, int Statut, string Probleme);

    [Fact]
    public async Task Ten_thousand_malformed_requests_get_no_server_error_a_french_answer_and_leave_the_draft_intact()
    {
        var a = jeu.OrganisationA;
        var candidat = $"/reponses/{jeu.Brouillon}/candidature/candidat";
        var champs = Soumissionnaire.Candidat();
        champs["Candidat.Siege.RaisonSociale"] = Temoin;
        (await Soumissionnaire.OngletAsync(a, candidat, champs)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await a.GetStringAsync(candidat)).ShouldHaveField("Candidat.Siege.RaisonSociale", Temoin);

        var jetonA = await a.JetonAsync("/connexion");
        var jetonAnonyme = await jeu.Anonyme.JetonAsync("/connexion");
        var requetes = Generer(new Random(2026)).Take(Nombre).ToList();

        var resultats = new Resultat?[requetes.Count];
        var chrono = Stopwatch.StartNew();
        using var delai = new CancellationTokenSource(DureeMax);
        try
        {
            await Parallel.ForEachAsync(requetes, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = delai.Token }, async (q, ct) =>
            {
                var client = q.Anonyme ? jeu.Anonyme : a;
                var jeton = q.Anonyme ? jetonAnonyme : jetonA;
                resultats[q.Numero] = await ExecuterAsync(client, q, jeton, ct);
            });
        }
        catch (OperationCanceledException)
        {
        }
        var faites = resultats.Count(r => r is not null);
        var fautifs = resultats.Where(r => r is { Probleme.Length: > 0 }).Select(r => r!).ToList();

        // Read back by a new session of A (the fuzzing may have signed the shared one out).
        var lecteurA = await Soumissionnaire.ConnecteAsync(jeu.Sigma, "admin.demo");
        var apres = await lecteurA.GetStringAsync(candidat);

        var brouillonIntact = apres.Contains($"value=\"{Temoin}\"", StringComparison.Ordinal);

        // A file name with a right-to-left override (U+202E) must not be shown as is: "annexe\u202Eexe.pdf" reads "annexefdp.exe".
        var pagesAvecRlo = new List<string>();
        foreach (var page in new[] { $"/reponses/{jeu.Brouillon}/candidature/pieces", $"/reponses/{jeu.Brouillon}/offres/{jeu.Offre}/offre", $"/reponses/{jeu.Brouillon}" })
        {
            var html = await (await lecteurA.GetAsync(page)).Content.ReadAsStringAsync();
            if (html.Contains('\u202E', StringComparison.Ordinal) || html.Contains("&#x202E;", StringComparison.OrdinalIgnoreCase))
            {
                pagesAvecRlo.Add(page);
            }
        }

        var rapport = new StringBuilder();
        if (pagesAvecRlo.Count > 0)
        {
            rapport.AppendLine("Nom de fichier affiché avec son caractère U+202E (inversion droite-à-gauche) sur : " + string.Join(", ", pagesAvecRlo));
        }
        rapport.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"{faites} requêtes faites sur {requetes.Count} en {chrono.Elapsed.TotalSeconds:F0} s ; {fautifs.Count} fautives.");
        if (!brouillonIntact)
        {
            rapport.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"Le brouillon n'a plus « {Temoin} » dans Candidat.Siege.RaisonSociale après le passage.");
        }
        rapport.AppendLine("Par classe de requête et par problème (un exemple chacun) :");
        foreach (var groupe in fautifs.GroupBy(f => (f.Requete.Classe, f.Probleme)).OrderByDescending(g => g.Count()))
        {
            var e = groupe.First();
            rapport.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"  [{groupe.Key.Classe}] {groupe.Key.Probleme} — {groupe.Count()} requêtes, ex. #{e.Requete.Numero} {e.Requete.Methode} {Couper(e.Requete.Chemin, 120)} | {Couper(e.Requete.Resume, 120)} → {e.Statut}");
        }
        rapport.AppendLine("Les 30 premières :");
        foreach (var f in fautifs.Take(30))
        {
            rapport.AppendLine(System.Globalization.CultureInfo.InvariantCulture,
                $"  #{f.Requete.Numero} [{f.Requete.Classe}{(f.Requete.Anonyme ? ", anonyme" : "")}] {f.Requete.Methode} {Couper(f.Requete.Chemin, 160)} | {Couper(f.Requete.Resume, 200)} → {f.Statut} {f.Probleme}");
        }
        File.WriteAllText(Path.Combine(AppContext.BaseDirectory, "fuzzing-rapport.txt"), rapport.ToString());

        faites.ShouldBe(requetes.Count, rapport.ToString());
        brouillonIntact.ShouldBeTrue(rapport.ToString());
        pagesAvecRlo.ShouldBeEmpty(rapport.ToString());
        fautifs.Count.ShouldBe(0, rapport.ToString());
    }

    private static string Couper(string s, int n) => s.Length <= n ? s : s[..n] + $"…({s.Length} car.)";

    private static async Task<Resultat> ExecuterAsync(HttpClient client, Requete q, string jeton, CancellationToken ct)
    {
        try
        {
            using var message = new HttpRequestMessage(new HttpMethod(q.Methode), q.Chemin) { Content = q.Corps(jeton) };
            using var reponse = await client.SendAsync(message, ct);
            var statut = (int)reponse.StatusCode;
            if (statut is < 200 or > 599)
            {
                return new(q, statut, "statut hors 200–599");
            }
            if (statut >= 500)
            {
                return new(q, statut, "erreur serveur");
            }
            if (statut >= 400 && reponse.Content.Headers.ContentType?.MediaType == "text/html")
            {
                var html = await reponse.Content.ReadAsStringAsync(ct);
                if (!MotsFrancais.Any(m => html.Contains(m, StringComparison.Ordinal)))
                {
                    return new(q, statut, "page 4xx sans texte français");
                }
            }
            else if (statut >= 400 && statut != 405 && reponse.Content.Headers.ContentLength is null or 0 && reponse.Content.Headers.ContentType is null)
            {
                return new(q, statut, "réponse 4xx vide (pas de page d'erreur)");
            }
            return new(q, statut, "");
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // TestServer hands over what escaped the whole pipeline, the exception handler included: Kestrel would answer 500 with an empty body.
            return new(q, 0, "exception du serveur (500 vide sous Kestrel) : " + e.GetType().Name + " " + Couper(e.Message.Split('\n')[0], 110));
        }
    }

    // ——— Generation ———

    private static readonly string[] IdsInvalides =
        ["abc", "1", "-1", "00000000-0000-0000-0000-000000000000", "00000000-0000-0000-0000-00000000000", "zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz", "%00", "%zz", "null", "{}", "..", "%2e%2e", "' OR 1=1 --", new string('9', 300)];

    private static readonly string[] Index = ["-1", "2147483647", "-2147483648", "2147483648", "99999999999999999999", "0x10", "1e9", "", " ", "NaN"];

    private static readonly string[] MauvaisTypes =
        ["douze", "12,5,3", "31/02/2027", "2027-13-45", "9999-99-99", "peut-être", "true,false", "1e400", "-0", "∞", "１２", "<b>12</b>", "null", "[]", "{\"a\":1}"];

    private static readonly string[] ClesCrochets =
        ["a[", "]", "x[0", "[", "[]", "a]b[", "Sites[", "Sites[0", "Sites[0].Nom[", "Candidat.ChiffresAffaires[", "Candidat.ChiffresAffaires[0", "Composantes[0].Modules[",
         "Composantes[].Intitule", "Sites[-1].Nom", "Sites[2147483647].Nom", "Sites[99999999999].Nom", "Composantes[0].Modules[2147483647].Intitule", "Candidat.Membres[-5].Siret", "a[[0]]", "a.b..c", ".", "Candidat."];

    private static readonly string[] Onglets =
        ["inconnu", "CANDIDAT", "..", "%2e%2e", "<script>alert(1)</script>", "candidat%00", "pièces", "prix;drop", new string('o', 3000), "%", "%zz", "0", "-1"];

    private static readonly string[] Actions =
        ["supprimer-tout", "retirer-site--1", "retirer-site-2147483647", "retirer-membre-99999999999", "retirer-module-0-2147483647", "ajouter-module--1", "ajouter-module-2147483648",
         "ajouter-bloc-abc", "retirer-composante-", "retirer-", "ajouter", "retirer", "ajouter-", "-", "copier-adresse-5", "retirer-soustraitant--2147483648", "valider\0", new string('v', 5000)];

    private static string Controle(Random r) => string.Concat(Enumerable.Range(0, r.Next(1, 20)).Select(_ => (char)r.Next(0, 32))) + "\u007f\u0085\u2028\ufeff\uffff";

    private static string Long(Random r) => new((char)('a' + r.Next(26)), 100 * 1024);

    /// <summary>A form post: where it goes, the page its fields belong to and some of its fields.</summary>
    private sealed record Formulaire(string Chemin, bool Anonyme, string[] Champs);

    private IEnumerable<Requete> Generer(Random r)
    {
        var id = jeu.Brouillon;
        var offre = jeu.Offre;
        var c = jeu.ConsultationDemo;
        var s = jeu.DemandeSignature;
        Formulaire[] formulaires =
        [
            new($"/reponses/{id}/candidature/candidat", false, ["version", "action", "Candidat.Type", "Candidat.Lots", "Candidat.Siege.RaisonSociale", "Candidat.Siege.Siret", "Candidat.ChiffresAffaires[0].Montant", "Candidat.ChiffresAffaires[0].Exercice"]),
            new($"/reponses/{id}/candidature/sites", false, ["version", "action", "Sites[0].Nom", "Sites[0].CodePostal", "Sites[1].Commune"]),
            new($"/reponses/{id}/candidature/pieces", false, ["version", "action"]),
            new($"/reponses/{id}/offres/{offre}/offre", false, ["version", "action", "Offre.Intitule", "Offre.DateDebut", "Offre.DateFin", "Offre.Effectif"]),
            new($"/reponses/{id}/offres/{offre}/prestataires", false, ["version", "action", "Prestataires.AssujettiTva", "Prestataires.Avance", "Prestataires.Iban", "Prestataires.SousTraitants[0].Siret"]),
            new($"/reponses/{id}/offres/{offre}/sites", false, ["version", "action", "Sites[0].Nom", "Sites[0].AccessibleHandicap", "Sites[0].Hebergement"]),
            new($"/reponses/{id}/offres/{offre}/pedagogie", false, ["version", "action", "Composantes[0].Numero", "Composantes[0].DateDebut", "Composantes[0].VolumeHoraire", "Composantes[0].Modules[0].VolumeHoraire"]),
            new($"/reponses/{id}/offres/{offre}/prix", false, ["version", "action", "Prix.PrixUnitaireHt", "Prix.FraisPedagogiques", "Prix.FraisStructure"]),
            new("/reponses/commencer", false, ["consultationId"]),
            new($"/reponses/{id}/offres", false, ["lot"]),
            new($"/consultations/{c}/questions", false, ["question"]),
            new("/organisation/comptes/ajouter", false, ["Nouveau.Identifiant", "Nouveau.Email", "Nouveau.Prenom", "Nouveau.Nom", "Nouveau.Administrateur"]),
            new("/connexion", true, ["Identifiant", "MotDePasse", "Retour"]),
            new("/inscription", true, ["Siret", "RaisonSociale", "CodeNaf", "CodePostal", "Email", "Identifiant", "MotDePasse", "ConfirmationMotDePasse"]),
            new("/inscription-simple", true, ["Siret", "Identifiant", "Email", "Prenom", "Nom", "MotDePasse", "ConfirmationMotDePasse"]),
            new("/mot-de-passe-oublie", true, ["Identifiant", "Email"]),
            new("/mot-de-passe/definir", true, ["Compte", "Jeton", "MotDePasse", "ConfirmationMotDePasse"]),
            new("/signature/verifier/rapport.pdf", true, ["rapport"]),
            new($"/signature/demandes/{s}/signer", false, ["motDePasse"]),
            new($"/signature/demandes/{s}/deposer", false, ["x"]),
            new("/erreur/404", true, ["code"]),
        ];
        (string Chemin, string Champ, string[] Autres)[] depots =
        [
            ($"/reponses/{id}/pieces", "fichier", ["categorie"]),
            ($"/reponses/{id}/pieces?offre={offre}", "fichier", ["categorie"]),
            ("/signature/verifier", "Fichier", ["SignatureDetachee"]),
            ("/signature/signer", "Fichiers", ["MotDePasse"]),
            ($"/signature/demandes/{s}/signer", "certificat", ["motDePasse"]),
            ($"/signature/demandes/{s}/deposer", "fichier", []),
        ];
        string[] gets =
        [
            "/", "/consultations", "/consultations/cloturees", $"/consultations/{c}", "/reponses", $"/reponses/{id}", $"/reponses/{id}/candidature/{{onglet}}",
            $"/reponses/{id}/offres/{offre}/{{onglet}}", $"/reponses/{id}/pieces/{jeu.Piece}", $"/reponses/{jeu.ReponseEnvoyee}/accuse", $"/reponses/{jeu.ReponseEnvoyee}/accuse.pdf",
            $"/reponses/{id}/envoyer", "/referentiels/formacode", "/referentiels/{onglet}", $"/signature/demandes/{s}", $"/signature/demandes/{s}/document",
            $"/signature/demandes/{s}/versions/{{id}}", "/connexion", "/mot-de-passe/definir", "/inscription-simple", "/signature/demandes", "/organisation/comptes",
            $"/audit/reponses/{jeu.ReponseEnvoyee}", "/audit/verification", $"/back-office/ouvertures/{c}", $"/back-office/publications/{c}",
            $"/back-office/publications/{c}/{{id}}/lheo.xml", "/flux/lheo", "/donnees-essentielles",
        ];
        string[] classes = ["crochets", "ids", "index", "segments", "pagination", "long", "controle", "pourcent", "types", "doublons", "manquants", "nom-fichier", "multipart-tronque", "multipart-sans-jeton", "erreur"];

        for (var n = 0; ; n++)
        {
            var classe = classes[n % classes.Length];
            var anonyme = r.Next(5) == 0;
            var f = formulaires[r.Next(formulaires.Length)];
            var champ = f.Champs[r.Next(f.Champs.Length)];
            var avecJeton = r.Next(4) != 0;
            switch (classe)
            {
                case "crochets":
                    yield return Form(n, classe, anonyme || f.Anonyme, f.Chemin, avecJeton, [(ClesCrochets[r.Next(ClesCrochets.Length)], "x"), (ClesCrochets[r.Next(ClesCrochets.Length)], "1"), (champ, "v")]);
                    break;
                case "ids":
                    var mauvais = IdsInvalides[r.Next(IdsInvalides.Length)];
                    if (r.Next(2) == 0)
                    {
                        var chemins = new[] { f.Chemin, gets[r.Next(gets.Length)] };
                        var chemin = Remplacer(chemins[r.Next(2)], mauvais, r);
                        yield return chemin.StartsWith("/reponses/commencer", StringComparison.Ordinal) || r.Next(2) == 0
                            ? Form(n, classe, anonyme, chemin, avecJeton, [("consultationId", mauvais), ("version", "1")])
                            : Get(n, classe, anonyme, chemin);
                    }
                    else
                    {
                        var (champId, chemin) = r.Next(4) switch
                        {
                            0 => ("consultationId", "/reponses/commencer"),
                            1 => ("Compte", "/mot-de-passe/definir"),
                            2 => ("offre", $"/reponses/{id}/pieces/{jeu.Piece}/retirer"),
                            _ => ("lot", $"/reponses/{id}/offres"),
                        };
                        yield return r.Next(3) == 0
                            ? Get(n, classe, anonyme, $"{chemin}?{champId}={mauvais}&compte={mauvais}&reponse={mauvais}")
                            : Form(n, classe, anonyme, chemin, avecJeton, [(champId, mauvais)]);
                    }
                    break;
                case "index":
                    var i = Index[r.Next(Index.Length)];
                    yield return r.Next(3) == 0
                        ? Get(n, classe, anonyme, $"{gets[r.Next(gets.Length)].Replace("{onglet}", "offre", StringComparison.Ordinal).Replace("{id}", Guid.Empty.ToString(), StringComparison.Ordinal)}?index={i}&page={i}")
                        : Form(n, classe, anonyme, formulaires[r.Next(8)].Chemin, avecJeton, [("index", i), ("version", i), ("action", Actions[r.Next(Actions.Length)].Replace("-1", i, StringComparison.Ordinal)), ($"Sites[{i}].Nom", "x")]);
                    break;
                case "segments":
                    var o = Onglets[r.Next(Onglets.Length)];
                    yield return r.Next(2) == 0
                        ? Get(n, classe, anonyme, (r.Next(3) switch { 0 => $"/reponses/{id}/candidature/{o}", 1 => $"/reponses/{id}/offres/{offre}/{o}", _ => $"/referentiels/{o}" }) + "?verifier=true")
                        : Form(n, classe, anonyme, r.Next(2) == 0 ? $"/reponses/{id}/candidature/{o}" : $"/reponses/{id}/offres/{offre}/{o}", avecJeton,
                            [("version", "1"), ("action", Actions[r.Next(Actions.Length)])]);
                    break;
                case "pagination":
                    string[] valeurs = ["2147483647", "-5", "0", "-2147483648", "2147483648", "abc", "1.5", "%00", "%zz", "1%00", "", "%"];
                    string[] qs = ["%00", "a%00b", "%zz", "%", "%c3%28", "*", "%25", "'\"<>", "\\", new string('q', 10_000), "%E2%80%AE", "%EF%BF%BF", "null"];
                    var page = r.Next(4) switch { 0 => "/consultations", 1 => "/consultations/cloturees", 2 => $"/audit/reponses/{jeu.ReponseEnvoyee}", _ => "/referentiels/formacode" };
                    yield return Get(n, classe, anonyme, $"{page}?page={valeurs[r.Next(valeurs.Length)]}&q={qs[r.Next(qs.Length)]}&dispositif={qs[r.Next(qs.Length)]}&champ={qs[r.Next(qs.Length)]}"
                        + $"&version={valeurs[r.Next(valeurs.Length)]}&le={qs[r.Next(qs.Length)]}");
                    break;
                case "long":
                    yield return r.Next(4) == 0
                        ? Get(n, classe, anonyme, $"/consultations?q={new string('l', r.Next(2) == 0 ? 8_000 : 30_000)}")
                        : Form(n, classe, anonyme || f.Anonyme, f.Chemin, avecJeton, [(champ, Long(r)), ("version", "1")]);
                    break;
                case "controle":
                    yield return Form(n, classe, anonyme || f.Anonyme, f.Chemin, avecJeton, [(champ, Controle(r)), (Controle(r), "x"), ("version", "1")]);
                    break;
                case "pourcent":
                    string[] corps = ["%zz", "%", "%e9", "%c3", "%ff%fe", "a=%", "=%zz", "&&&", "=", "%%%", "%0", "a=b%zz&c", "%u0041"];
                    var brut = $"{Uri.EscapeDataString(champ)}={corps[r.Next(corps.Length)]}&{corps[r.Next(corps.Length)]}={corps[r.Next(corps.Length)]}";
                    yield return Brut(n, classe, anonyme || f.Anonyme, "POST", f.Chemin, avecJeton, brut);
                    break;
                case "types":
                    var t = MauvaisTypes[r.Next(MauvaisTypes.Length)];
                    yield return r.Next(4) == 0
                        ? Get(n, classe, anonyme, $"/reponses/{id}/candidature/candidat?verifier={t}")
                        : Form(n, classe, anonyme || f.Anonyme, f.Chemin, avecJeton, [(champ, t), ("version", t), ("lot", t)]);
                    break;
                case "doublons":
                    yield return Form(n, classe, anonyme || f.Anonyme, f.Chemin, avecJeton, [(champ, "1"), (champ, "2"), ("version", "1"), ("version", "2"), ("action", "valider"), ("action", "enregistrer"), ("__RequestVerificationToken", "faux")]);
                    break;
                case "manquants":
                    yield return Form(n, classe, anonyme || f.Anonyme, f.Chemin, avecJeton, []);
                    break;
                case "nom-fichier":
                    var d = depots[r.Next(depots.Length)];
                    string[] noms = ["a." + new string('x', 300), "facture\u202Efdp.exe", "\u202E.pdf", "", " ", "..\\..\\web.config", "../../etc/passwd", "a\0b.pdf", "annexe\u202Eexe.pdf", "CV \u202Efdp.pdf", new string('n', 300) + ".pdf", "CON.pdf", "a:b.pdf", "\"quote\".pdf", ".pdf", "a.pdf."];
                    yield return Multipart(n, classe, anonyme, d.Chemin, avecJeton, d.Champ, noms[r.Next(noms.Length)], d.Autres.Select(x => (x, "Pouvoirs")).ToArray(), false);
                    break;
                case "multipart-tronque":
                    var dt = depots[r.Next(depots.Length)];
                    yield return Multipart(n, classe, anonyme, dt.Chemin, avecJeton, dt.Champ, "piece.pdf", dt.Autres.Select(x => (x, "Pouvoirs")).ToArray(), true);
                    break;
                case "multipart-sans-jeton":
                    var ds = depots[r.Next(depots.Length)];
                    yield return Multipart(n, classe, anonyme, ds.Chemin, false, ds.Champ, "piece.pdf", ds.Autres.Select(x => (x, "Pouvoirs")).ToArray(), false);
                    break;
                default:
                    string[] codes = ["0", "101", "7", "1", "99", "100", "199", "200", "302", "600", "999", "-1", "2147483647", "404", "500"];
                    var code = codes[r.Next(codes.Length)];
                    yield return r.Next(3) switch
                    {
                        0 => Get(n, "erreur", anonyme, $"/erreur/{code}"),
                        1 => Form(n, "erreur", anonyme, $"/erreur/{codes[r.Next(codes.Length)]}", avecJeton, [("code", code)]),
                        _ => Form(n, "erreur", anonyme, "/erreur/404", false, [("code", "7")]),
                    };
                    break;
            }
        }
    }

    /// <summary>Replaces one id (a GUID) of the path with a bad one.</summary>
    private static string Remplacer(string chemin, string mauvais, Random r)
    {
        var morceaux = chemin.Split('/');
        var ids = Enumerable.Range(0, morceaux.Length).Where(i => Guid.TryParse(morceaux[i].Split('?')[0], out _) || morceaux[i] is "{id}" or "{onglet}").ToList();
        if (ids.Count == 0)
        {
            return chemin.Replace("{onglet}", "candidat", StringComparison.Ordinal).TrimEnd('/') + "/" + mauvais;
        }
        morceaux[ids[r.Next(ids.Count)]] = mauvais;
        return string.Join('/', morceaux).Replace("{onglet}", "candidat", StringComparison.Ordinal).Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
    }

    /// <summary>%00 in the path: TestServer refuses to build such a request (Kestrel answers 400 itself), so paths get %01 instead; queries keep %00.</summary>
    private static string SansNulDansLeChemin(string chemin)
    {
        var q = chemin.IndexOf('?', StringComparison.Ordinal);
        return q < 0 ? chemin.Replace("%00", "%01", StringComparison.Ordinal) : chemin[..q].Replace("%00", "%01", StringComparison.Ordinal) + chemin[q..];
    }

    private static Requete Get(int n, string classe, bool anonyme, string chemin)
    {
        chemin = SansNulDansLeChemin(chemin);
        chemin = chemin.Replace("{onglet}", "candidat", StringComparison.Ordinal).Replace("{id}", Guid.NewGuid().ToString(), StringComparison.Ordinal);
        return new(n, classe, anonyme, "GET", chemin, "", _ => null);
    }

    private static Requete Form(int n, string classe, bool anonyme, string chemin, bool avecJeton, (string Cle, string Valeur)[] champs)
    {
        var resume = string.Join("&", champs.Select(c => $"{Couper(Visible(c.Cle), 40)}={Couper(Visible(c.Valeur), 40)}")) + (avecJeton ? " +jeton" : " sans jeton");
        return new(n, classe, anonyme, "POST", SansNulDansLeChemin(chemin), resume, jeton =>
        {
            var valeurs = champs.Select(c => new KeyValuePair<string, string>(c.Cle, c.Valeur)).ToList();
            if (avecJeton)
            {
                valeurs.Insert(0, new("__RequestVerificationToken", jeton));
            }
            return new StringContent(string.Join("&", valeurs.Select(v => $"{Encoder(v.Key)}={Encoder(v.Value)}")), Encoding.UTF8, "application/x-www-form-urlencoded");
        });
    }

    /// <summary>Percent-encodes like a browser, keeping unpaired surrogates and the like as replacement characters instead of throwing.</summary>
    private static string Encoder(string s) => Uri.EscapeDataString(Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(s)));

    private static Requete Brut(int n, string classe, bool anonyme, string methode, string chemin, bool avecJeton, string corps) =>
        new(n, classe, anonyme, methode, SansNulDansLeChemin(chemin), corps + (avecJeton ? " +jeton" : " sans jeton"), jeton =>
        {
            var contenu = new ByteArrayContent(Encoding.UTF8.GetBytes((avecJeton ? "__RequestVerificationToken=" + Uri.EscapeDataString(jeton) + "&" : "") + corps));
            contenu.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            return contenu;
        });

    private static Requete Multipart(int n, string classe, bool anonyme, string chemin, bool avecJeton, string champFichier, string nom, (string, string)[] autres, bool tronque)
    {
        var resume = $"multipart {champFichier}; filename=\"{Couper(Visible(nom), 60)}\"{(tronque ? " (tronqué, sans limite finale)" : "")}" + (avecJeton ? " +jeton" : " sans jeton");
        return new(n, classe, anonyme, "POST", chemin, resume, jeton =>
        {
            const string limite = "----sigmafuzz2026";
            var corps = new StringBuilder();
            void Partie(string name, string valeur) => corps.Append(System.Globalization.CultureInfo.InvariantCulture, $"--{limite}\r\nContent-Disposition: form-data; name=\"{name}\"\r\n\r\n{valeur}\r\n");
            if (avecJeton)
            {
                Partie("__RequestVerificationToken", jeton);
            }
            foreach (var (k, v) in autres)
            {
                Partie(k, v);
            }
            corps.Append(System.Globalization.CultureInfo.InvariantCulture,
                $"--{limite}\r\nContent-Disposition: form-data; name=\"{champFichier}\"; filename=\"{nom}\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 fuzz {new string('x', 3000)}");
            if (!tronque)
            {
                corps.Append(System.Globalization.CultureInfo.InvariantCulture, $"\r\n--{limite}--\r\n");
            }
            var contenu = new ByteArrayContent(Encoding.UTF8.GetBytes(corps.ToString()));
            contenu.Headers.TryAddWithoutValidation("Content-Type", $"multipart/form-data; boundary={limite}");
            return contenu;
        });
    }

    private static string Visible(string s) => string.Concat(s.Select(ch => char.IsControl(ch) || ch is '\u202E' or '\uFFFF' or '\uFEFF' or '\u2028' ? $"\\u{(int)ch:X4}" : ch.ToString()));
}
