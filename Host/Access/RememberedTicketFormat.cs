using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace Emergency.Host.Access;

/// <summary>
/// The sign-in cookie's format, remembering for a minute what a cookie value decrypted to: a user's pages send the same
/// value again and again, and decrypting it was a tenth of a page's server time (issue #16). Each request gets its own
/// copy of the ticket (the cookie handler and the pages change it). Expiry, the security stamp and the county checks
/// still run on every request, on the copy; a value never seen, or seen over a minute ago, is decrypted as before.
/// </summary>
internal sealed class RememberedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    /// <summary>How long a decrypted value is kept (real time: it bounds memory, not the session, whose limits are checked on the copy).</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(1);

    /// <summary>How many values are kept at most (a county's signed-in users, several times over).</summary>
    public const int Capacity = 4096;

    private readonly MemoryCache remembered = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText) || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (remembered.TryGetValue(protectedText, out AuthenticationTicket? known) && known is not null)
        {
            return known.Clone();
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket is not null)
        {
            remembered.Set(protectedText, ticket.Clone(), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = KeptFor });
        }

        return ticket;
    }

    public void Dispose() => remembered.Dispose();
}

/// <summary>Wraps the application cookie's ticket format, once the defaults have made it.</summary>
internal sealed class RememberTickets : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (name == Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme && options.TicketDataFormat is { } format and not RememberedTicketFormat)
        {
            options.TicketDataFormat = new RememberedTicketFormat(format);
        }
    }
}
