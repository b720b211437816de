namespace Emergency.Experts.Data;

/// <summary>
/// The categories, fields and recommending departments of seed 000 (推荐分工), written into every
/// county's new store. A county then renames, adds or retires fields on its own.
/// </summary>
internal static class FieldSeed
{
    private static readonly (ExpertCategory Category, string Name, string Units)[] Rows =
    [
        (ExpertCategory.NaturalDisaster, "水旱灾害", "水利局"),
        (ExpertCategory.NaturalDisaster, "气象灾害", "气象局"),
        (ExpertCategory.NaturalDisaster, "地震灾害", "地震局"),
        (ExpertCategory.NaturalDisaster, "地质灾害", "自然资源局"),
        (ExpertCategory.NaturalDisaster, "生物灾害", "农业农村局、林业局"),
        (ExpertCategory.NaturalDisaster, "森林草原火灾", "林业局"),
        (ExpertCategory.AccidentDisaster, "矿山安全", "应急管理局"),
        (ExpertCategory.AccidentDisaster, "危险化学品", "应急管理局"),
        (ExpertCategory.AccidentDisaster, "消防安全", "消防救援大队"),
        (ExpertCategory.AccidentDisaster, "供电", "国网青山县供电公司"),
        (ExpertCategory.AccidentDisaster, "交通运输", "公安局、交通运输局"),
        (ExpertCategory.AccidentDisaster, "通信网络", "工业和信息化局"),
        (ExpertCategory.AccidentDisaster, "特种设备", "市场监督管理局"),
        (ExpertCategory.AccidentDisaster, "环境污染及生态破坏", "生态环境局"),
        (ExpertCategory.AccidentDisaster, "城市供水供气供热", "住房和城乡建设局"),
        (ExpertCategory.AccidentDisaster, "校园安全", "教育局"),
        (ExpertCategory.PublicHealth, "传染病及动物疫情", "卫生健康局、畜牧兽医局"),
        (ExpertCategory.PublicHealth, "食品药品安全", "市场监督管理局"),
        (ExpertCategory.PublicHealth, "职业危害", "卫生健康局、应急管理局"),
        (ExpertCategory.SocialSecurity, "网络与信息安全", "县委宣传部、公安局、工业和信息化局"),
        (ExpertCategory.SocialSecurity, "民族宗教", "民族宗教事务局"),
        (ExpertCategory.SocialSecurity, "金融安全", "金融工作办公室"),
        (ExpertCategory.SocialSecurity, "恐怖袭击", "公安局"),
        (ExpertCategory.SocialSecurity, "群体性事件", "县委政法委（维稳办）"),
    ];

    public static IReadOnlyList<Field> Fields { get; } =
        Rows.Select((r, i) => new Field { Id = i + 1, Category = r.Category, Name = r.Name, RecommendingUnits = r.Units, SortOrder = (i + 1) * 10, Active = true }).ToList();

    public static string CategoryName(ExpertCategory category) => category switch
    {
        ExpertCategory.NaturalDisaster => "自然灾害类",
        ExpertCategory.AccidentDisaster => "事故灾难类",
        ExpertCategory.PublicHealth => "公共卫生类",
        _ => "社会安全类",
    };
}
