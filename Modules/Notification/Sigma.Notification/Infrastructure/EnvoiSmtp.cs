using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Sigma.Notification.Infrastructure;

/// <summary>Sends a prepared mail through any SMTP server, with MailKit.</summary>
public sealed class EnvoiSmtp(SmtpOptions options)
{
    public async Task<string> EnvoyerAsync(Courriel courriel, CancellationToken ct)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.Expediteur));
        message.To.Add(MailboxAddress.Parse(courriel.Destinataire));
        message.Subject = courriel.Sujet;
        // A stable Message-ID lets a receiving server recognise the same mail if a retry sends it again.
        message.MessageId = $"{courriel.Id:N}@sigma";
        message.Body = new BodyBuilder { TextBody = courriel.CorpsTexte, HtmlBody = courriel.CorpsHtml }.ToMessageBody();

        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(options.Host, options.Port, Enum.Parse<SecureSocketOptions>(options.Securite, true), ct);
        if (!string.IsNullOrEmpty(options.Utilisateur))
        {
            await client.AuthenticateAsync(options.Utilisateur, options.MotDePasse ?? "", ct);
        }
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(true, ct);
        return message.MessageId;
    }
}
