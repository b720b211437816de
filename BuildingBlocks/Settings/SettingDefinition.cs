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

/// <summary>Reads the current county's settings (the default wherever the county kept it).</summary>
public interface ICountySettings
{
    Task<int> GetAsync(IntSetting setting, CancellationToken cancellationToken = default);

    Task<string> GetAsync(TextSetting setting, CancellationToken cancellationToken = default);

    Task<string> GetAsync(ChoiceSetting setting, CancellationToken cancellationToken = default);

    /// <summary>The same for a named county (jobs and handlers outside a request).</summary>
    Task<string> GetTextAsync(string county, SettingDefinition setting, CancellationToken cancellationToken = default);
}

/// <summary>The settings every county has, with the defaults of the domain handbook.</summary>
public static class CountySettingKeys
{
    public const string Teams = "救援队伍";
    public const string Experts = "专家库";
    public const string Training = "培训演练";
    public const string Plans = "应急预案";
    public const string Reminders = "提醒";
    public const string Mail = "邮件（SMTP）";

    public static readonly IntSetting TownshipTeamMinimum = new("teams.township-minimum", "乡镇救援队伍最少人数", "Township team minimum size", Teams, 30, 1, 500, "人");
    public static readonly IntSetting VillageTeamMinimum = new("teams.village-minimum", "村（社区）救援队伍最少人数", "Village team minimum size", Teams, 10, 1, 200, "人");
    public static readonly IntSetting ExpertRecommendationsPerUnit = new("experts.recommendations-per-unit", "每个单位推荐专家上限", "Expert recommendations per unit", Experts, 3, 1, 50, "名");
    public static readonly IntSetting ExpertAbsencesBeforeDisqualification = new("experts.absences-before-disqualification", "连续无故缺席取消资格次数", "Consecutive unexcused absences before disqualification", Experts, 2, 1, 10, "次");
    public static readonly IntSetting ExpertTermYears = new("experts.term-years", "专家聘期", "Expert term", Experts, 3, 1, 10, "年");
    public static readonly IntSetting TrainingDaysCountyToTownship = new("training.days-county-to-township", "县对乡镇年度培训天数", "Training days per year, county to township", Training, 10, 0, 100, "天");
    public static readonly IntSetting TrainingDaysTownshipToVillage = new("training.days-township-to-village", "乡镇对村（社区）年度培训天数", "Training days per year, township to village", Training, 5, 0, 100, "天");
    public static readonly IntSetting PlanEvaluationYears = new("plans.evaluation-years", "预案评估周期", "Plan evaluation cycle", Plans, 3, 1, 10, "年");
    public static readonly IntSetting ReminderLeadDaysFirst = new("reminders.lead-days-first", "第一次提醒提前天数", "First reminder lead time", Reminders, 7, 0, 90, "天");
    public static readonly IntSetting ReminderLeadDaysSecond = new("reminders.lead-days-second", "第二次提醒提前天数", "Second reminder lead time", Reminders, 1, 0, 90, "天");
    public static readonly TextSetting SmtpHost = new("mail.smtp-host", "SMTP 服务器", "SMTP host", Mail);
    public static readonly IntSetting SmtpPort = new("mail.smtp-port", "SMTP 端口", "SMTP port", Mail, 25, 1, 65535);
    public static readonly ChoiceSetting SmtpSecurity = new("mail.smtp-security", "SMTP 加密方式", "SMTP security", Mail, "Auto", ["Auto", "None", "StartTls", "SslOnConnect"]);
    public static readonly TextSetting SmtpUserName = new("mail.smtp-user", "SMTP 用户名", "SMTP user name", Mail);
    public static readonly TextSetting SmtpPassword = new("mail.smtp-password", "SMTP 密码", "SMTP password", Mail, IsSecret: true);
    public static readonly TextSetting SmtpFromAddress = new("mail.from-address", "发件人地址", "From address", Mail);
    public static readonly TextSetting SmtpFromName = new("mail.from-name", "发件人名称", "From name", Mail);

    public static IReadOnlyList<SettingDefinition> All { get; } =
    [
        TownshipTeamMinimum, VillageTeamMinimum, ExpertRecommendationsPerUnit, ExpertAbsencesBeforeDisqualification, ExpertTermYears,
        TrainingDaysCountyToTownship, TrainingDaysTownshipToVillage, PlanEvaluationYears, ReminderLeadDaysFirst, ReminderLeadDaysSecond,
        SmtpHost, SmtpPort, SmtpSecurity, SmtpUserName, SmtpPassword, SmtpFromAddress, SmtpFromName,
    ];
}
