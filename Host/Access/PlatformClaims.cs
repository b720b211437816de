namespace Emergency.Host.Access;

/// <summary>Claim types the platform adds to a signed-in user.</summary>
internal static class PlatformClaims
{
    public const string County = "county";
    public const string Department = "department";
    public const string Township = "township";
    public const string Village = "village";
    public const string DisplayName = "display_name";
    public const string SignedInAt = "signed_in_at";
    public const string MustChangePassword = "must_change_password";
    public const string PasswordChangedAt = "password_changed_at";
}
