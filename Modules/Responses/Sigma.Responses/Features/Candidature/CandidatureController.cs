using Sigma.Responses.Features.EnvoyerReponse;
using Sigma.Responses.Regles;

namespace Sigma.Responses.Features.Candidature;

/// <summary>What the tab views need besides the form's data (which is their model, so that field names stay short).</summary>
public sealed record ContexteCandidature(Reponse Reponse, ConsultationConnue Consultation, string Onglet, int Version, IReadOnlyList<Manquant> AutresOnglets);

[Authorize(Policy = Policies.Soumissionnaire)]
public sealed class CandidatureController(IMediator mediator, Dossiers dossiers) : Controller
{
    /// <summary>
    /// A tab's address, shared by its page (GET, the first tab by default) and its form (POST). Links are generated
    /// from the POST's template, which has no default value, so that they keep the tab (…/candidature/candidat).
    /// </summary>
    public const string RouteOnglet = "OngletCandidature";

    [HttpGet("reponses/{id:guid}/candidature/{onglet=candidat}")]
    public async Task<IActionResult> Onglet(Guid id, string onglet, bool verifier, CancellationToken ct)
    {
        if (await dossiers.ChargerAsync(id, Acteur.De(User), ct) is not var (reponse, consultation))
        {
            return NotFound();
        }
        if (reponse.EstEnvoyee)
        {
            return RedirectToAction(nameof(EnvoyerReponseController.Accuse), "EnvoyerReponse", new { id });
        }
        if (OngletsCandidature.Tous.All(o => o.Cle != onglet))
        {
            return NotFound();
        }
        var donnees = await dossiers.CandidatureAsync(reponse, ct);
        IReadOnlyList<Manquant> autres = [];
        if (verifier && reponse.StatutCandidature != StatutFormulaire.Valide)
        {
            var manquants = Validation.Candidature(donnees, reponse.PiecesDe(null).Select(p => p.Categorie).ToHashSet());
            autres = Afficher(manquants, onglet);
        }
        return Vue(reponse, consultation, onglet, reponse.Candidature?.Version ?? 0, donnees, autres);
    }

    [HttpPost("reponses/{id:guid}/candidature/{onglet}", Name = RouteOnglet)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Enregistrer(Guid id, string onglet, [FromForm] DonneesCandidature saisie, int version, string? action, CancellationToken ct)
    {
        var acteur = Acteur.De(User);
        if (OngletsCandidature.Tous.All(o => o.Cle != onglet) || await dossiers.ChargerAsync(id, acteur, ct) is not var (reponse, consultation))
        {
            return NotFound();
        }
        ModelState.Clear();
        var message = AppliquerAction(saisie, action ?? "");
        return await this.EnvoyerAsync(mediator, new EnregistrerCandidature(id, onglet, saisie, version, action == "valider", acteur), async resultat =>
        {
            if (action == "valider" && !resultat.Valide)
            {
                var apres = await dossiers.ChargerAsync(id, acteur, ct);
                return Vue(apres!.Value.Reponse, consultation, onglet, resultat.Version, saisie, Afficher(resultat.Manquants, onglet));
            }
            TempData["Message"] = action == "valider" ? "La candidature est validée : vous pouvez créer vos offres."
                : message ?? "La candidature est enregistrée (brouillon). Pensez à la valider une fois complète.";
            if (reponse.Offres.Count > 0 && action != "valider")
            {
                TempData["Message"] += " Attention : les offres déjà saisies ne sont pas mises à jour par cette modification ; corrigez-les si besoin.";
            }
            return RedirectToRoute(RouteOnglet, new { id, onglet });
        }, async refus =>
        {
            // Saved by someone else in between: the form comes back on the latest version, so that saving again replaces it.
            var courante = refus is EnregistrementConcurrentException ? (await dossiers.ChargerAsync(id, acteur, ct))!.Value.Reponse : reponse;
            return Vue(courante, consultation, onglet, refus is EnregistrementConcurrentException ? courante.Candidature?.Version ?? version : version, saisie, []);
        }, ct);
    }

    /// <summary>The buttons that change the form's rows or copy an address; the result is saved like any input.</summary>
    private static string? AppliquerAction(DonneesCandidature s, string action)
    {
        switch (action)
        {
            case "ajouter-membre":
                s.Membres.Add(new Membre());
                return "Un membre est ajouté : complétez-le.";
            case "ajouter-site":
                s.Sites.Add(new SiteCandidature());
                return "Un site est ajouté : complétez-le.";
            case "copier-adresse":
                var siege = s.Candidat.Siege;
                foreach (var e in new[] { s.Candidat.Executant })
                {
                    (e.Adresse, e.CodePostal, e.Commune) = (siege.Adresse, siege.CodePostal, siege.Commune);
                }
                foreach (var p in new[] { s.Candidat.RepresentantLegal, s.Candidat.Signataire })
                {
                    (p.Adresse, p.CodePostal, p.Commune) = (siege.Adresse, siege.CodePostal, siege.Commune);
                }
                return "L'adresse du siège social est recopiée pour l'établissement exécutant, le représentant légal et le signataire.";
        }
        if (action.StartsWith("retirer-membre-", StringComparison.Ordinal) && int.TryParse(action["retirer-membre-".Length..], out var m) && m >= 0 && m < s.Membres.Count)
        {
            s.Membres.RemoveAt(m);
            return "Le membre est retiré.";
        }
        if (action.StartsWith("retirer-site-", StringComparison.Ordinal) && int.TryParse(action["retirer-site-".Length..], out var i) && i >= 0 && i < s.Sites.Count)
        {
            s.Sites.RemoveAt(i);
            return "Le site est retiré.";
        }
        return null;
    }

    /// <summary>What is missing on this tab goes next to its fields; the other tabs' are listed with a link.</summary>
    private List<Manquant> Afficher(IReadOnlyList<Manquant> manquants, string onglet)
    {
        foreach (var m in manquants.Where(m => m.Onglet == onglet))
        {
            ModelState.AddModelError(m.Champ, m.Message);
        }
        return manquants.Where(m => m.Onglet != onglet).ToList();
    }

    private ViewResult Vue(Reponse reponse, ConsultationConnue consultation, string onglet, int version, DonneesCandidature donnees, IReadOnlyList<Manquant> autres)
    {
        ViewData["Contexte"] = new ContexteCandidature(reponse, consultation, onglet, version, autres);
        return View($"~/Features/Candidature/{char.ToUpperInvariant(onglet[0])}{onglet[1..]}.cshtml", donnees);
    }
}
