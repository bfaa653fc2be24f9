using Sigma.Consultations.Contracts;

namespace Sigma.Notification.Integration;

/// <summary>The alerts of a consultation, mailed to each of its identified downloaders: new DCE, published answer, deadline.</summary>
internal sealed class DceModifieAlerte(CourrielServices s)
    : CourrielHandler<DceModifieIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(DceModifieIntegrationEvent e) => e.Destinataires.Select(d => new CourrielDu(d.Email, "alerte-dce", new
    {
        Salutation = Salutation(d), e.Reference, e.Intitule, e.Version, e.Note, Lien = e.LienPage ?? UrlPublique,
    }));

    internal static string Salutation(Destinataire d) => string.IsNullOrWhiteSpace(d.Nom) ? "" : " " + d.Nom;
}

internal sealed class ReponsePublieeAlerte(CourrielServices s)
    : CourrielHandler<ReponsePublieeIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(ReponsePublieeIntegrationEvent e) => e.Destinataires.Select(d => new CourrielDu(d.Email, "alerte-reponse", new
    {
        Salutation = DceModifieAlerte.Salutation(d), e.Reference, e.Intitule, e.Question, e.Reponse, Lien = e.LienPage ?? UrlPublique,
    }));
}

internal sealed class DateLimiteModifieeAlerte(CourrielServices s)
    : CourrielHandler<DateLimiteModifieeIntegrationEvent>(s)
{
    protected override IEnumerable<CourrielDu> Courriels(DateLimiteModifieeIntegrationEvent e) => e.Destinataires.Select(d => new CourrielDu(d.Email, "alerte-date-limite", new
    {
        Salutation = DceModifieAlerte.Salutation(d), e.Reference, e.Intitule, AncienneDate = e.AncienneDate.Affiche(), NouvelleDate = e.NouvelleDate.Affiche(),
        e.Motif, Lien = e.LienPage ?? UrlPublique,
    }));
}
