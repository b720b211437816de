namespace Emergency.Training.Domain;

/// <summary>One item of the 五知十会 checklist: its number, its group (五知 or 十会) and its wording.</summary>
internal sealed record SkillItem(int Number, string Group, string Text);

/// <summary>
/// The 五知十会 checklist (seed 004: 使每名应急管理工作人员做到"五知十会"). The seeds name the list but not its items:
/// 五知 as the county's brief words them; 十会 a working list of the skills the seeds ask of grid members and teams
/// (报告、预警、转移避险、自救互救、演练 …), to be confirmed by the county.
/// </summary>
internal static class SkillItems
{
    public const string Know = "五知";

    public const string Can = "十会";

    public static readonly IReadOnlyList<SkillItem> All =
    [
        new(1, Know, "知道本地风险"),
        new(2, Know, "知道预案"),
        new(3, Know, "知道撤离路线"),
        new(4, Know, "知道避险场所"),
        new(5, Know, "知道报告方式"),
        new(6, Can, "会识别风险隐患"),
        new(7, Can, "会报告险情灾情"),
        new(8, Can, "会发布预警信号"),
        new(9, Can, "会组织群众转移避险"),
        new(10, Can, "会使用灭火器材"),
        new(11, Can, "会心肺复苏"),
        new(12, Can, "会止血包扎"),
        new(13, Can, "会使用应急通信设备"),
        new(14, Can, "会开展自救互救"),
        new(15, Can, "会参与应急演练"),
    ];

    public static int Count => All.Count;

    public static bool Exists(int number) => number >= 1 && number <= All.Count;
}
