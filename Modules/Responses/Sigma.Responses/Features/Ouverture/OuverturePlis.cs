using Sigma.Responses.Contracts;

namespace Sigma.Responses.Features.Ouverture;

/// <summary>« Ouvrir les plis » of a consultation: refused before its deadline (and the attempt recorded), once after it.</summary>
public sealed record OuvrirPlis(Guid ConsultationId, Acteur Acteur) : IRequest<int>;

/// <summary>One offer's decision as the agent chose it: « retenue » or « non-retenue », and the reason.</summary>
public sealed record DecisionSaisie(Guid ReponseId, Guid OffreId, string? Decision, string? Motif);

public sealed record JugerOffres(Guid ConsultationId, int Lot, IReadOnlyList<DecisionSaisie> Decisions, Acteur Acteur) : IRequest<int>;

/// <summary>« Notifier » a lot: every bidder of the lot is mailed its decision; the decisions are final.</summary>
public sealed record NotifierLot(Guid ConsultationId, int Lot, Acteur Acteur) : IRequest<int>;

internal sealed class OuvrirPlisHandler(IResponsesStore store, TimeProvider clock) : IRequestHandler<OuvrirPlis, int>
{
    public async Task<int> Handle(OuvrirPlis r, CancellationToken ct)
    {
        await using var session = store.Ouvrir(r.Acteur);
        var consultation = await session.LoadAsync<ConsultationConnue>(r.ConsultationId, ct) ?? throw new DomainException("Consultation introuvable.");
        var flux = await session.Events.FetchForWriting<Domain.Ouverture>(r.ConsultationId, ct);
        var envoyees = await session.Query<Reponse>().Where(x => x.ConsultationId == r.ConsultationId && x.EnvoyeeLe != null).Select(x => x.Id).ToListAsync(ct);
        var maintenant = clock.GetUtcNow();
        var decision = Domain.Ouverture.Ouvrir(flux.Aggregate, consultation, envoyees.ToList(), r.Acteur.Identifiant, r.Acteur.Nom, maintenant);
        flux.AppendOne(decision);
        if (decision is PlisOuverts)
        {
            session.Publish(new PlisOuvertsIntegrationEvent(r.ConsultationId, envoyees.Count, r.Acteur.Nom, maintenant) { OccurredAt = maintenant });
        }
        await session.SaveChangesAsync(ct);
        return decision is OuvertureRefusee
            ? throw new DomainException($"Les plis ne peuvent être ouverts qu'après la date limite de remise des réponses ({ParisTime.Affiche(consultation.DateLimite)}). "
                + "Cette tentative est enregistrée dans l'historique de la consultation.")
            : envoyees.Count;
    }
}

internal sealed class JugerOffresHandler(IResponsesStore store, TimeProvider clock) : IRequestHandler<JugerOffres, int>
{
    public async Task<int> Handle(JugerOffres r, CancellationToken ct)
    {
        await using var session = store.Ouvrir(r.Acteur);
        var flux = await session.Events.FetchForWriting<Domain.Ouverture>(r.ConsultationId, ct);
        var ouverture = flux.Aggregate ?? throw new DomainException("Les plis ne sont pas ouverts : aucune offre ne peut être jugée.");
        var reponses = (await session.LoadManyAsync<Reponse>(ct, r.Decisions.Select(d => d.ReponseId).Distinct())).ToDictionary(x => x.Id);
        var maintenant = clock.GetUtcNow();
        var erreurs = new List<(string Champ, string Message)>();
        var jugees = 0;
        foreach (var d in r.Decisions.Where(d => !string.IsNullOrEmpty(d.Decision)))
        {
            if (!reponses.TryGetValue(d.ReponseId, out var reponse) || reponse.ConsultationId != r.ConsultationId || reponse.Offre(d.OffreId)?.Lot != r.Lot)
            {
                throw new DomainException("Cette offre n'est pas dans les plis du lot.");
            }
            if (d.Decision is not ("retenue" or "non-retenue"))
            {
                throw new DomainException("Choisissez « Retenue » ou « Non retenue » pour chaque offre jugée.");
            }
            var actuel = ouverture.JugementDe(d.OffreId);
            var retenue = d.Decision == "retenue";
            if (actuel is not null && actuel.Retenue == retenue && actuel.Motif == d.Motif?.Trim())
            {
                continue;
            }
            try
            {
                var jugee = ouverture.Juger(reponse, d.OffreId, retenue, d.Motif, r.Acteur.Identifiant, r.Acteur.Nom, maintenant);
                flux.AppendOne(jugee);
                ouverture = ouverture.Apply(jugee);
                jugees++;
            }
            catch (DomainException refus) when (refus.Champ is not null)
            {
                erreurs.Add((refus.Champ, $"{reponse.Organisation} : {refus.Message}"));
            }
        }
        if (erreurs.Count > 0)
        {
            throw new FormulaireInvalideException(erreurs);
        }
        await session.SaveChangesAsync(ct);
        return jugees;
    }
}

internal sealed class NotifierLotHandler(IResponsesStore store, Coffre coffre, TimeProvider clock) : IRequestHandler<NotifierLot, int>
{
    public async Task<int> Handle(NotifierLot r, CancellationToken ct)
    {
        await using var session = store.Ouvrir(r.Acteur);
        var consultation = await session.LoadAsync<ConsultationConnue>(r.ConsultationId, ct) ?? throw new DomainException("Consultation introuvable.");
        var flux = await session.Events.FetchForWriting<Domain.Ouverture>(r.ConsultationId, ct);
        var ouverture = flux.Aggregate ?? throw new DomainException("Les plis ne sont pas ouverts.");
        var reponses = (await session.LoadManyAsync<Reponse>(ct, ouverture.Reponses)).ToList();
        var offres = reponses.SelectMany(x => x.Offres.Where(o => o.Lot == r.Lot).Select(o => (Reponse: x, Offre: o))).ToList();
        var maintenant = clock.GetUtcNow();
        flux.AppendOne(ouverture.Notifier(r.Lot, offres.Select(o => (o.Reponse.Id, o.Offre.Id)).ToList(), r.Acteur.Identifiant, r.Acteur.Nom, maintenant));
        var decisions = offres.Select(o => ouverture.JugementDe(o.Offre.Id)! is var j
            ? new DecisionNotifiee(o.Reponse.Id, o.Reponse.OrganisationId, o.Reponse.Organisation, o.Reponse.EnvoyeePar ?? o.Reponse.NomPar,
                o.Reponse.EmailDeposant ?? o.Reponse.EmailPar, j.Retenue, j.Motif) : null).OfType<DecisionNotifiee>().ToList();
        session.Publish(new LotNotifieIntegrationEvent(r.ConsultationId, consultation.Reference, consultation.Intitule, r.Lot, consultation.Lot(r.Lot)?.Intitule ?? "",
            decisions, maintenant) { OccurredAt = maintenant });
        // Each winner is asked to sign the acte d'engagement of its pli (the Signature module makes the request).
        foreach (var (reponse, offre) in offres.Where(o => ouverture.JugementDe(o.Offre.Id)!.Retenue))
        {
            var acte = reponse.Editions.FirstOrDefault(e => e.OffreId == offre.Id && e.Modele == nameof(Sigma.Documents.Contracts.ModeleDocument.ActeEngagement)
                && reponse.FichiersEnvoyes.Any(f => f.Sha256 == e.Sha256))
                ?? throw new DomainException($"L'acte d'engagement de {reponse.Organisation} est absent de son pli : la notification est impossible.");
            using var memoire = new MemoryStream();
            await coffre.DescellerFichierAsync(reponse.ConsultationId, Stockages.Edition(reponse.Id, acte.Id), memoire, ct);
            session.Publish(await AttribueeAsync(reponse, offre, consultation, offres.Count, maintenant, ct));
            session.Publish(new OffreRetenueIntegrationEvent(reponse.Id, offre.Id, r.ConsultationId, consultation.Reference, consultation.Intitule, r.Lot, reponse.OrganisationId,
                reponse.Organisation, reponse.EmailDeposant ?? reponse.EmailPar, reponse.EnvoyeePar ?? reponse.NomPar, acte.Nom, memoire.ToArray(), r.Acteur.Nom,
                r.Acteur.Email) { OccurredAt = maintenant });
        }
        await session.SaveChangesAsync(ct);
        return decisions.Count;
    }

    /// <summary>What the CARIF-OREF publishes of an awarded offer: only that leaves the sealed perimeter.</summary>
    private async Task<OffreAttribueeIntegrationEvent> AttribueeAsync(Reponse reponse, OffreReponse offre, ConsultationConnue consultation, int offresRecues,
        DateTimeOffset maintenant, CancellationToken ct)
    {
        var d = await coffre.DescellerAsync<DonneesOffre>(reponse.ConsultationId, reponse.Id, offre.Etat.Contenu, ct);
        var c = reponse.Candidature is null ? new DonneesCandidature() : await coffre.DescellerAsync<DonneesCandidature>(reponse.ConsultationId, reponse.Id, reponse.Candidature.Contenu, ct);
        var siege = c.Candidat.Siege;
        var lot = consultation.Lot(offre.Lot);
        return new OffreAttribueeIntegrationEvent(reponse.Id, offre.Id, consultation.Id, consultation.Reference, consultation.Dispositif, offre.Lot, lot?.Intitule ?? "",
            lot?.Territoire ?? "",
            new OrganismeAttribue(siege.RaisonSociale ?? reponse.Organisation, reponse.Siret, siege.Adresse, siege.CodePostal, siege.Commune, siege.Telephone, siege.Email),
            new ActionAttribuee(d.Offre.Intitule, d.Offre.Presentation, d.Offre.DateDebut, d.Offre.DateFin, d.Offre.NombreSessions, d.Offre.Effectif),
            d.Sites.Select(s => new SiteAttribue(s.Nom, s.CodePostal, s.Commune, s.InformationsComplementaires, s.AccesTransportsCommun, s.MoyensTransport,
                s.AccessibleHandicap, s.AccessibiliteDetail, s.Hebergement, s.Restauration)).ToList(),
            d.Composantes.Select(k => new ComposanteAttribuee(k.Numero, k.Intitule, k.DateDebut, k.DateFin, k.VolumeHoraire, k.Effectif, k.Formacode, k.Rncp, k.Certifinfo,
                k.Nsf, k.Rome, k.Prerequis, k.Objectifs, k.ModalitesRecrutement, k.ModalitesPedagogiques, k.ResultatsAttendus, k.Contenu,
                k.Blocs.Select(b => new BlocAttribue(b.Numero, b.Intitule)).ToList(),
                k.Modules.Select(m => new ModuleAttribue(m.Numero, m.Intitule, m.Bloc, m.DateDebut, m.DateFin, m.VolumeHoraire, m.Contenu)).ToList(), k.Rythme)).ToList(),
            maintenant, c.Candidat.NumeroDeclarationActivite,
            new ContactAttribue(d.ReferentHandicap.Nom, d.ReferentHandicap.Telephone, d.ReferentHandicap.Email),
            [.. c.Membres.Select(m => new PrestataireAttribue(PrestataireAttribue.Cotraitant, m.Siege.RaisonSociale, m.Siege.Siret, m.Siege.CodePostal, m.Siege.Commune)),
                .. (d.Prestataires.SousTraitance == true ? d.Prestataires.SousTraitants : [])
                    .Select(st => new PrestataireAttribue(PrestataireAttribue.SousTraitant, st.RaisonSociale, st.Siret, st.CodePostal, st.Commune))],
            new MarcheAttribue(consultation.Objet, consultation.Procedure, lot?.UniteOeuvre ?? "", lot?.Volume ?? 0, d.Prix.PrixUnitaireHt,
                c.Candidat.Type switch { TypeCandidature.GroupementConjoint => "Conjoint", TypeCandidature.GroupementSolidaire => "Solidaire", _ => "Pas de groupement" },
                offresRecues, d.Prestataires.SousTraitance == true && d.Prestataires.SousTraitants.Count > 0, d.Prestataires.Avance)) { OccurredAt = maintenant };
    }
}
