using Sigma.Responses.Features.EnvoyerReponse;
using Sigma.Responses.Features.MesReponses;
using Sigma.Responses.Regles;

namespace Sigma.Responses.Features.Offre;

public sealed record ContexteOffre(Reponse Reponse, OffreReponse Offre, ConsultationConnue Consultation, string Onglet, int Version, IReadOnlyList<Manquant> AutresOnglets)
{
    public LotConnu? Lot => Consultation.Lot(Offre.Lot);
}

[Authorize(Policy = Policies.Soumissionnaire)]
public sealed class OffreController(IMediator mediator, Dossiers dossiers) : Controller
{
    [HttpPost("reponses/{id:guid}/offres")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Creer(Guid id, int lot, CancellationToken ct)
    {
        return await this.ExecuterAsync(mediator, new CreerOffre(id, lot, Acteur.De(User)), offreId =>
            ($"L'offre du lot {lot} est créée ; ses sites de réalisation reprennent ceux de la candidature.",
                Url.RouteUrl(RouteOnglet, new { id, offreId, onglet = "offre" })!), Dossier(id), ct);
    }

    [HttpPost("reponses/{id:guid}/offres/{offreId:guid}/supprimer")]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Supprimer(Guid id, Guid offreId, CancellationToken ct)
    {
        return await this.ExecuterAsync(mediator, new SupprimerOffre(id, offreId, Acteur.De(User)), _ => "L'offre et ses pièces sont supprimées.", Dossier(id), ct);
    }

    /// <summary>
    /// A tab's address, shared by its page (GET, the first tab by default) and its form (POST). Links are generated
    /// from the POST's template, which has no default value, so that they keep the tab (…/offres/{offreId}/offre).
    /// </summary>
    public const string RouteOnglet = "OngletOffre";

    [HttpGet("reponses/{id:guid}/offres/{offreId:guid}/{onglet=offre}")]
    public async Task<IActionResult> Onglet(Guid id, Guid offreId, string onglet, bool verifier, CancellationToken ct)
    {
        if (await dossiers.ChargerAsync(id, Acteur.De(User), ct) is not var (reponse, consultation) || reponse.Offre(offreId) is not { } offre
            || OngletsOffre.Tous.All(o => o.Cle != onglet))
        {
            return NotFound();
        }
        if (reponse.EstEnvoyee)
        {
            return RedirectToAction(nameof(EnvoyerReponseController.Accuse), "EnvoyerReponse", new { id });
        }
        var donnees = await dossiers.OffreAsync(reponse, offre, ct);
        IReadOnlyList<Manquant> autres = [];
        if (verifier && offre.Etat.Statut != StatutFormulaire.Valide)
        {
            autres = Afficher(Validation.Offre(donnees, reponse.PiecesDe(offreId).Select(p => p.Categorie).ToHashSet()), onglet);
        }
        return Vue(reponse, offre, consultation, onglet, offre.Etat.Version, donnees, autres);
    }

    [HttpPost("reponses/{id:guid}/offres/{offreId:guid}/{onglet}", Name = RouteOnglet)]
    [ValidateAntiForgeryToken]
    public async Task<IActionResult> Enregistrer(Guid id, Guid offreId, string onglet, [FromForm] DonneesOffre saisie, int version, string? action, CancellationToken ct)
    {
        var acteur = Acteur.De(User);
        if (OngletsOffre.Tous.All(o => o.Cle != onglet)
            || await dossiers.ChargerAsync(id, acteur, ct) is not var (reponse, consultation) || reponse.Offre(offreId) is not { } offre)
        {
            return NotFound();
        }
        ModelState.Clear();
        var message = AppliquerAction(saisie, action ?? "");
        return await this.EnvoyerAsync(mediator, new EnregistrerOffre(id, offreId, onglet, saisie, version, action == "valider", acteur), async resultat =>
        {
            if (action == "valider" && !resultat.Valide)
            {
                var apres = (await dossiers.ChargerAsync(id, acteur, ct))!.Value.Reponse;
                return Vue(apres, apres.Offre(offreId)!, consultation, onglet, resultat.Version, saisie, Afficher(resultat.Manquants, onglet));
            }
            TempData["Message"] = action == "valider" ? $"L'offre du lot {offre.Lot} est validée."
                : message ?? $"L'offre du lot {offre.Lot} est enregistrée (brouillon). Pensez à la valider une fois complète.";
            return RedirectToRoute(RouteOnglet, new { id, offreId, onglet });
        }, async refus =>
        {
            if (refus is not EnregistrementConcurrentException)
            {
                return Vue(reponse, offre, consultation, onglet, version, saisie, []);
            }
            // Saved by someone else in between: the form comes back on the latest version, so that saving again replaces it.
            var apres = (await dossiers.ChargerAsync(id, acteur, ct))!.Value.Reponse;
            var offreApres = apres.Offre(offreId) ?? offre;
            return Vue(apres, offreApres, consultation, onglet, offreApres.Etat.Version, saisie, []);
        }, ct);
    }

    private static string? AppliquerAction(DonneesOffre s, string action)
    {
        var parties = action.Split('-');
        int Index(int i) => parties.Length > i && int.TryParse(parties[i], out var n) ? n : -1;
        switch (parties[0])
        {
            case "ajouter" when parties.Length > 1:
                switch (parties[1])
                {
                    case "soustraitant": s.Prestataires.SousTraitance = true; s.Prestataires.SousTraitants.Add(new SousTraitant()); return "Un sous-traitant est ajouté : complétez-le.";
                    case "site": s.Sites.Add(new SiteOffre()); return "Un site est ajouté : complétez-le.";
                    case "composante": s.Composantes.Add(new Composante()); return "Une composante est ajoutée : numérotez-la et complétez-la.";
                    case "module" when Index(2) is var c and >= 0 && c < s.Composantes.Count: s.Composantes[c].Modules.Add(new ModuleFormation()); return "Un module est ajouté.";
                    case "bloc" when Index(2) is var c and >= 0 && c < s.Composantes.Count: s.Composantes[c].Blocs.Add(new BlocCompetences()); return "Un bloc de compétences est ajouté.";
                }
                break;
            case "retirer" when parties.Length > 2:
                var i = Index(2);
                switch (parties[1])
                {
                    case "soustraitant" when i >= 0 && i < s.Prestataires.SousTraitants.Count: s.Prestataires.SousTraitants.RemoveAt(i); return "Le sous-traitant est retiré.";
                    case "site" when i >= 0 && i < s.Sites.Count: s.Sites.RemoveAt(i); return "Le site est retiré.";
                    case "composante" when i >= 0 && i < s.Composantes.Count: s.Composantes.RemoveAt(i); return "La composante est retirée.";
                    case "module" when i >= 0 && i < s.Composantes.Count && Index(3) is var m and >= 0 && m < s.Composantes[i].Modules.Count:
                        s.Composantes[i].Modules.RemoveAt(m); return "Le module est retiré.";
                    case "bloc" when i >= 0 && i < s.Composantes.Count && Index(3) is var b and >= 0 && b < s.Composantes[i].Blocs.Count:
                        s.Composantes[i].Blocs.RemoveAt(b); return "Le bloc est retiré.";
                }
                break;
        }
        return null;
    }

    private string Dossier(Guid id) => Url.Action(nameof(MesReponsesController.Dossier), "MesReponses", new { id })!;

    private List<Manquant> Afficher(IReadOnlyList<Manquant> manquants, string onglet)
    {
        foreach (var m in manquants.Where(m => m.Onglet == onglet))
        {
            ModelState.AddModelError(m.Champ, m.Message);
        }
        return manquants.Where(m => m.Onglet != onglet).ToList();
    }

    private ViewResult Vue(Reponse reponse, OffreReponse offre, ConsultationConnue consultation, string onglet, int version, DonneesOffre donnees, IReadOnlyList<Manquant> autres)
    {
        ViewData["Contexte"] = new ContexteOffre(reponse, offre, consultation, onglet, version, autres);
        return View($"~/Features/Offre/{char.ToUpperInvariant(onglet[0])}{onglet[1..]}.cshtml", donnees);
    }
}
