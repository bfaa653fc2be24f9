namespace Sigma.Notification.Infrastructure;

/// <summary>Where Sigma sends its mail: <c>Smtp:*</c> settings, or the local mail catcher when <c>Smtp:Host</c> is empty.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "";
    public int Port { get; set; } = 25;
    public string? Utilisateur { get; set; }
    public string? MotDePasse { get; set; }
    /// <summary>None, StartTls, SslOnConnect or Auto (MailKit's SecureSocketOptions).</summary>
    public string Securite { get; set; } = "Auto";
    public string Expediteur { get; set; } = "Sigma <ne-pas-repondre@sigma.localhost>";
}
