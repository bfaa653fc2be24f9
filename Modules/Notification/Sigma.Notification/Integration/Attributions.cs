using Sigma.Responses.Contracts;

namespace Sigma.Notification.Integration;

/// <summary>The award of a lot, notified: each bidder of the lot is mailed its decision and its reason.</summary>
internal sealed class DecisionsCourriel(CourrielServices s) : CourrielHandler<LotNotifieIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(LotNotifieIntegrationEvent e) => e.Decisions.Select(d =>
        new CourrielDu(d.DeposantEmail, d.Retenue ? "offre-retenue" : "offre-non-retenue", new
        {
            d.Deposant, d.Organisation, e.Reference, e.Intitule, e.Lot, e.LotIntitule, d.Motif, Le = e.NotifieLe.Affiche(),
        }));
}
