namespace Emergency.BuildingBlocks.Settings;

/// <summary>
/// A rule that differs between counties (team sizes, training days, caps, lead times), with its
/// documented default. Every county may change it on its settings page; modules read it through
/// <see cref="ICountySettings"/> and never hard-code the number.
/// </summary>
public abstract record SettingDefinition(string Key, string DisplayName, string DisplayNameEn, string Group)
{
    /// <summary>The default as stored text.</summary>
    public abstract string DefaultText { get; }

    /// <summary>Checks a value typed on the settings page; returns a Chinese message when it is not acceptable.</summary>
    public abstract string? Validate(string? value);

    /// <summary>Hidden on pages once saved (passwords).</summary>
    public virtual bool Secret => false;
}

/// <summary>A whole number within bounds (e.g. 乡镇救援队伍最少人数, default 30).</summary>
public sealed record IntSetting(string Key, string DisplayName, string DisplayNameEn, string Group, int Default, int Min, int Max, string Unit = "")
    : SettingDefinition(Key, DisplayName, DisplayNameEn, Group)
{
    public override string DefaultText => Default.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public override string? Validate(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number)
            ? number < Min || number > Max ? $"{DisplayName}应在 {Min} 到 {Max} 之间" : null
            : $"{DisplayName}必须是整数";

    public int Parse(string? value) =>
        int.TryParse(value, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var number) && number >= Min && number <= Max
            ? number
            : Default;
}

/// <summary>Free text, optionally required to be non-empty, optionally secret.</summary>
public sealed record TextSetting(string Key, string DisplayName, string DisplayNameEn, string Group, string Default = "", int MaxLength = 200, bool IsSecret = false)
    : SettingDefinition(Key, DisplayName, DisplayNameEn, Group)
{
    public override string DefaultText => Default;

    public override bool Secret => IsSecret;

    public override string? Validate(string? value) =>
        (value ?? "").Length > MaxLength ? $"{DisplayName}不能超过 {MaxLength} 个字符" : null;
}

/// <summary>One of a fixed set of values (e.g. SMTP security mode).</summary>
public sealed record ChoiceSetting(string Key, string DisplayName, string DisplayNameEn, string Group, string Default, IReadOnlyList<string> Choices)
    : SettingDefinition(Key, DisplayName, DisplayNameEn, Group)
{
    public override string DefaultText => Default;

    public override string? Validate(string? value) => Choices.Contains(value ?? "") ? null : $"{DisplayName}的取值无效";
}

/// <summary>
/// Reads a county's settings, typed: the county's value where it changed one, the documented default
/// otherwise. Without a county it reads the current one (a request); jobs and handlers name theirs.
/// </summary>
public interface ICountySettings
{
    Task<int> GetAsync(IntSetting setting, CancellationToken cancellationToken = default);

    Task<int> GetAsync(IntSetting setting, string county, CancellationToken cancellationToken = default);

    Task<string> GetAsync(TextSetting setting, CancellationToken cancellationToken = default);

    Task<string> GetAsync(TextSetting setting, string county, CancellationToken cancellationToken = default);

    Task<string> GetAsync(ChoiceSetting setting, CancellationToken cancellationToken = default);

    Task<string> GetAsync(ChoiceSetting setting, string county, CancellationToken cancellationToken = default);
}

/// <summary>
/// The settings the platform itself reads (the county's own SMTP server). A module declares its own
/// settings in <c>ModuleDefinition.Settings</c>, next to the code that reads them.
/// </summary>
public static class CountySettingKeys
{
    public const string Mail = "邮件（SMTP）";

    public static readonly TextSetting SmtpHost = new("mail.smtp-host", "SMTP 服务器", "SMTP host", Mail);
    public static readonly IntSetting SmtpPort = new("mail.smtp-port", "SMTP 端口", "SMTP port", Mail, 25, 1, 65535);
    public static readonly ChoiceSetting SmtpSecurity = new("mail.smtp-security", "SMTP 加密方式", "SMTP security", Mail, "Auto", ["Auto", "None", "StartTls", "SslOnConnect"]);
    public static readonly TextSetting SmtpUserName = new("mail.smtp-user", "SMTP 用户名", "SMTP user name", Mail);
    public static readonly TextSetting SmtpPassword = new("mail.smtp-password", "SMTP 密码", "SMTP password", Mail, IsSecret: true);
    public static readonly TextSetting SmtpFromAddress = new("mail.from-address", "发件人地址", "From address", Mail);
    public static readonly TextSetting SmtpFromName = new("mail.from-name", "发件人名称", "From name", Mail);

    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        SmtpHost, SmtpPort, SmtpSecurity, SmtpUserName, SmtpPassword, SmtpFromAddress, SmtpFromName,
    ];
}
