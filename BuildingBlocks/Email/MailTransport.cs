using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Emergency.BuildingBlocks.Email;

/// <summary>The result of one attempt to send a message.</summary>
internal enum SendOutcome
{
    Sent,
    Transient,
    Permanent,
}

internal sealed record SendResult(SendOutcome Outcome, string Transport, string? Error = null);

/// <summary>Sends over SMTP with MailKit, or writes an .eml file when no SMTP server is configured.</summary>
internal sealed class MailTransport(string pickupDirectory, TimeSpan timeout)
{
    public async Task<SendResult> SendAsync(MimeMessage message, SmtpSettings smtp, CancellationToken cancellationToken)
    {
        if (!smtp.IsConfigured)
        {
            Directory.CreateDirectory(pickupDirectory);
            var file = Path.Combine(pickupDirectory, $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{message.MessageId}.eml");
            await message.WriteToAsync(file, cancellationToken);
            return new SendResult(SendOutcome.Sent, "pickup");
        }

        try
        {
            using var client = new SmtpClient { Timeout = (int)timeout.TotalMilliseconds };
            await client.ConnectAsync(smtp.Host!, smtp.Port, Map(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return new SendResult(SendOutcome.Sent, "smtp");
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            // 5xx: the server refused this message or recipient for good (e.g. 550 no such mailbox).
            return new SendResult(SendOutcome.Permanent, "smtp", $"{(int)ex.StatusCode} {ex.Message}");
        }
        catch (SmtpCommandException ex)
        {
            return new SendResult(SendOutcome.Transient, "smtp", $"{(int)ex.StatusCode} {ex.Message}");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException
                                       or System.Net.Sockets.SocketException or TimeoutException
                                       or ServiceNotConnectedException or AuthenticationException or SslHandshakeException)
        {
            return new SendResult(SendOutcome.Transient, "smtp", $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static SecureSocketOptions Map(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
