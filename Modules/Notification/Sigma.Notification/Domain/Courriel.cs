namespace Sigma.Notification.Domain;

public sealed record CourrielPrepare(Guid CourrielId, string Destinataire, string Sujet, string CorpsTexte, string CorpsHtml,
    string Gabarit, Guid EvenementSource, DateTimeOffset PrepareLe);

public sealed record CourrielEnvoye(Guid CourrielId, string MessageId, DateTimeOffset EnvoyeLe);

public sealed record EnvoiCourrielEchoue(Guid CourrielId, string Erreur, int Tentative, DateTimeOffset EchoueLe);

/// <summary>A mail Sigma owes someone: prepared once per (event, recipient), sent until the SMTP server accepts it.</summary>
public sealed record Courriel(Guid Id, string Destinataire, string Sujet, string CorpsTexte, string CorpsHtml, string Gabarit,
    Guid EvenementSource, DateTimeOffset PrepareLe, DateTimeOffset? EnvoyeLe, int Tentatives, DateTimeOffset? DerniereTentative,
    string? DerniereErreur)
{
    public static Courriel Create(CourrielPrepare e) =>
        new(e.CourrielId, e.Destinataire, e.Sujet, e.CorpsTexte, e.CorpsHtml, e.Gabarit, e.EvenementSource, e.PrepareLe, null, 0, null, null);

    public Courriel Apply(CourrielEnvoye e) => this with { EnvoyeLe = e.EnvoyeLe, DerniereErreur = null };

    public Courriel Apply(EnvoiCourrielEchoue e) => this with { Tentatives = e.Tentative, DerniereTentative = e.EchoueLe, DerniereErreur = e.Erreur };

    public bool EstEnvoye => EnvoyeLe is not null;

    /// <summary>The id of the mail an event owes a recipient: the same event redelivered prepares the same mail, never a second one.</summary>
    public static Guid IdPour(Guid evenementSource, string destinataire, string gabarit)
    {
        var octets = System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes($"{evenementSource:N}|{destinataire.Trim().ToLowerInvariant()}|{gabarit}"));
        return new Guid(octets.AsSpan(0, 16));
    }
}
