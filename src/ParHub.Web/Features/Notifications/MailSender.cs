using System.Net;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ParHub.Web.Features.Notifications;

/// <summary>
/// SMTP settings from configuration: <c>PARHUB_SMTP_HOST</c> (unset: no e-mail, in-app notifications only),
/// <c>PARHUB_SMTP_PORT</c> (25), <c>PARHUB_SMTP_FROM</c>, <c>PARHUB_SMTP_SSL</c> (false), <c>PARHUB_SMTP_USER</c>,
/// <c>PARHUB_SMTP_PASSWORD</c>.
/// </summary>
public sealed class SmtpSettings
{
    public string? Host { get; init; }
    public int Port { get; init; } = 25;
    public string From { get; init; } = "parhub@localhost";
    public bool Ssl { get; init; }
    public string? User { get; init; }
    public string? Password { get; init; }
    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
    /// <summary>The address people open ParHub at (<c>PARHUB_SITE_URL</c>), put before the links of e-mails.</summary>
    public string SiteUrl { get; init; } = "";

    /// <summary>A page's link as an e-mail shows it: absolute when the site's address is known.</summary>
    public string Link(string path) => SiteUrl.Length == 0 || !path.StartsWith('/') ? path : SiteUrl.TrimEnd('/') + path;

    /// <summary>Network timeout of the connection and of each command, in milliseconds.</summary>
    public int TimeoutMs { get; init; } = 30_000;

    public static SmtpSettings FromConfiguration(IConfiguration c) => new()
    {
        Host = c["PARHUB_SMTP_HOST"],
        Port = int.TryParse(c["PARHUB_SMTP_PORT"], out var p) ? p : 25,
        From = c["PARHUB_SMTP_FROM"] is { Length: > 0 } f ? f : "parhub@localhost",
        Ssl = string.Equals(c["PARHUB_SMTP_SSL"], "true", StringComparison.OrdinalIgnoreCase),
        User = c["PARHUB_SMTP_USER"],
        Password = c["PARHUB_SMTP_PASSWORD"],
        SiteUrl = c["PARHUB_SITE_URL"] ?? "",
    };

    /// <summary>
    /// How the connection is secured: <c>PARHUB_SMTP_SSL=true</c> requires TLS (implicit on port 465, else STARTTLS);
    /// otherwise STARTTLS when the server offers it, and none for a server on this machine (test servers).
    /// </summary>
    public SecureSocketOptions Security =>
        Ssl ? Port == 465 ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTls
        : IsLoopback(Host) ? SecureSocketOptions.None : SecureSocketOptions.StartTlsWhenAvailable;

    private static bool IsLoopback(string? host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host, out var address) && IPAddress.IsLoopback(address));
}

/// <summary>Sends plain-text Vietnamese mail over SMTP (MailKit).</summary>
public sealed class MailSender(SmtpSettings settings, ILogger<MailSender> log)
{
    public bool Enabled => settings.Enabled;

    public async Task<bool> SendAsync(string to, string subject, string body, CancellationToken ct = default) =>
        await TrySendAsync(to, subject, body, ct) is null;

    /// <summary>Sends one mail; null when it went, else what went wrong (the outbox keeps it and tries again).</summary>
    public async Task<string?> TrySendAsync(string to, string subject, string body, CancellationToken ct = default)
    {
        if (!settings.Enabled) return "Chưa cấu hình máy chủ thư (PARHUB_SMTP_HOST).";
        try
        {
            using var message = new MimeMessage();
            message.From.Add(MailboxAddress.Parse(settings.From));
            message.To.Add(MailboxAddress.Parse(to));
            message.Subject = subject;
            message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = body };
            using var client = new SmtpClient { Timeout = settings.TimeoutMs };
            await client.ConnectAsync(settings.Host!, settings.Port, settings.Security, ct);
            if (!string.IsNullOrEmpty(settings.User)) await client.AuthenticateAsync(settings.User, settings.Password ?? "", ct);
            await client.SendAsync(message, ct);
            await client.DisconnectAsync(quit: true, ct);
            return null;
        }
        catch (Exception e) when (e is CommandException or ProtocolException or InvalidOperationException or AuthenticationException
            or System.Security.Authentication.AuthenticationException or FormatException or IOException
            or System.Net.Sockets.SocketException or TimeoutException or SslHandshakeException)
        {
            // An expected failure (server down, refused, bad address): one readable line; the outbox retries.
            var reason = e.GetBaseException().Message;
            log.LogWarning("Mail to {To} failed: {Reason}", to, reason);
            return reason;
        }
    }
}
