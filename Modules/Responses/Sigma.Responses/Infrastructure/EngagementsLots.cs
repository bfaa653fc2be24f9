namespace Sigma.Responses.Infrastructure;

/// <summary>
/// The FAQ's rule "one offer per lot per candidate" (alone, as the agent of one groupement or a member of one): each
/// SIRET of a sent response reserves each of its lots, as a keyed fingerprint (HMAC under the consultation's key, so
/// that nobody reads who answered) unique in the same transaction as the send.
/// </summary>
public sealed class EngagementsLots(IResponsesStore store, Coffre coffre)
{
    public sealed record Engagement(string Siret, int Lot, string Empreinte);

    /// <summary>Refuses at once a lot already reserved; otherwise adds the reservations to the send's session.</summary>
    public async Task<IReadOnlyList<Engagement>> ReserverAsync(IDocumentSession session, Reponse reponse, DonneesCandidature candidature,
        IReadOnlyList<int> lots, CancellationToken ct)
    {
        var sirets = new[] { candidature.Candidat.Siege.Siret }
            .Concat(candidature.Candidat.EstGroupement ? candidature.Membres.Select(m => m.Siege.Siret) : [])
            .Select(s => new string((s ?? "").Where(char.IsAsciiDigit).ToArray())).Where(s => s.Length == 14).Distinct().ToList();
        var engagements = new List<Engagement>();
        foreach (var siret in sirets)
        {
            foreach (var lot in lots)
            {
                engagements.Add(new Engagement(siret, lot, await coffre.EmpreinteAsync(reponse.ConsultationId, $"{siret}|{lot}", ct)));
            }
        }
        if (await DejaEngagesAsync(session, engagements, ct) is { Count: > 0 } deja)
        {
            throw Refus(deja);
        }
        foreach (var engagement in engagements)
        {
            session.Insert(new EngagementLot { Id = engagement.Empreinte, ReponseId = reponse.Id });
        }
        return engagements;
    }

    /// <summary>The refusal when a concurrent send reserved the same lot first (the unique key said so at commit).</summary>
    public async Task<DomainException> RefusAsync(IReadOnlyList<Engagement> engagements, CancellationToken ct)
    {
        await using var relecture = store.QuerySession();
        var deja = await DejaEngagesAsync(relecture, engagements, ct);
        return deja.Count > 0 ? Refus(deja) : new DomainException("La réponse vient d'être envoyée depuis un autre poste : rechargez la page pour voir son état.");
    }

    private static async Task<List<Engagement>> DejaEngagesAsync(IQuerySession session, IReadOnlyList<Engagement> engagements, CancellationToken ct)
    {
        var existants = (await session.LoadManyAsync<EngagementLot>(ct, engagements.Select(e => e.Empreinte).ToArray())).Select(e => e.Id).ToHashSet();
        return engagements.Where(e => existants.Contains(e.Empreinte)).ToList();
    }

    private static DomainException Refus(List<Engagement> deja) =>
        new($"Le SIRET {deja[0].Siret} a déjà une offre envoyée sur le lot {deja[0].Lot} de cette consultation : un candidat ne présente qu'une offre par lot, "
            + "seul, comme mandataire d'un seul groupement ou comme membre d'un seul groupement.");
}
