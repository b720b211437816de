using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace Emergency.Experts.Domain;

/// <summary>
/// The signed link an expert answers a dispatch notice with, without an account. The token is the
/// county, the assignment id and a 32-byte random secret, protected (encrypted and signed) with ASP.NET
/// Data Protection; only the SHA-256 of the secret is stored, so the store alone cannot make a link.
/// The answer reminder carries the link again: <see cref="Reissue"/> protects the stored hash itself under a
/// purpose of its own, so the first link stays valid and the store alone still cannot make one.
/// </summary>
internal sealed class DispatchLinks(IDataProtectionProvider protection)
{
    public const string Purpose = "experts.dispatch-answer";

    private readonly IDataProtector protector = protection.CreateProtector(Purpose);

    private readonly IDataProtector reissued = protection.CreateProtector(Purpose, "reissued");

    /// <summary>Makes a token for the assignment; returns it and the hash to store.</summary>
    public (string Token, string Hash) Create(string county, int assignmentId)
    {
        var secret = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        var payload = string.Create(CultureInfo.InvariantCulture, $"{county}.{assignmentId}.{secret}");
        return (protector.Protect(payload), Hash(secret));
    }

    /// <summary>A further token for an assignment whose secret hash is stored (for the reminder): it answers the same assignment.</summary>
    public string Reissue(string county, int assignmentId, string storedHash) =>
        reissued.Protect(string.Create(CultureInfo.InvariantCulture, $"{county}.{assignmentId}.{storedHash}"));

    /// <summary>Reads a token; null when it is malformed or was tampered with.</summary>
    public Payload? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 2000)
        {
            return null;
        }

        if (Unprotect(protector, token) is { } first)
        {
            return Parse(first, hashed: false);
        }

        return Unprotect(reissued, token) is { } again ? Parse(again, hashed: true) : null;
    }

    private static string? Unprotect(IDataProtector protector, string token)
    {
        try
        {
            return protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static Payload? Parse(string text, bool hashed)
    {
        var parts = text.Split('.');
        return parts.Length == 3 && parts[0].Length is > 0 and <= 12 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? new Payload(parts[0], id, hashed ? parts[2] : Hash(parts[2]))
            : null;
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    internal sealed record Payload(string County, int AssignmentId, string SecretHash);
}
