using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Spreadsheets;
using Emergency.Training.Data;
using Emergency.Training.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Training.Areas.training.Pages.Sessions;

/// <summary>
/// Invitees of a session imported from an Excel (.xlsx) or CSV file: every row is checked and previewed with its
/// problems; a file with any problem writes nothing. A clean file waits in the import staging under a token until
/// the organiser confirms, and is checked again then (a second confirmation imports nothing).
/// </summary>
[RequirePermission(TrainingModule.Manage)]
internal sealed class ImportModel(TrainingDbContext db, TrainingAccess access, Domain.Sessions sessions, IImportStaging staging) : PageModel
{
    public static readonly string[] Columns = ["姓名", "单位", "邮箱", "手机", "身份证号"];

    public const int MaxRows = 1000;

    public TrainingSession Session { get; private set; } = null!;

    public IReadOnlyList<Row> Rows { get; private set; } = [];

    public string? Staged { get; private set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) is { } refused ? refused : Page();

    public async Task<IActionResult> OnPostPreviewAsync(int id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var extension = Path.GetExtension(Upload?.FileName ?? "").ToLowerInvariant();
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError("Upload", "请选择要导入的文件（.xlsx 或 .csv）");
            return Page();
        }

        if (Upload.Length > 5 * 1024 * 1024 || !SheetReader.IsSupported(extension))
        {
            ModelState.AddModelError("Upload", "只能导入不超过 5 MB 的 .xlsx 或 .csv 文件");
            return Page();
        }

        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await Upload.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        if (Check(content, extension) is not { } rows)
        {
            return Page();
        }

        Rows = rows;
        if (rows.All(r => r.Problems.Count == 0))
        {
            Staged = await staging.StageAsync(access.County, TrainingModule.ModuleName, new StagedUpload(Path.GetFileName(Upload.FileName), extension, content, Session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)), cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(int id, string? staged, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var file = await staging.TakeAsync(access.County, TrainingModule.ModuleName, staged, cancellationToken);
        if (file is null || file.Tag != Session.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            ModelState.AddModelError("Upload", "导入文件已失效，请重新上传");
            return Page();
        }

        if (Check(file.Content, file.Extension) is not { } rows)
        {
            return Page();
        }

        if (rows.Any(r => r.Problems.Count > 0))
        {
            Rows = rows;
            ModelState.AddModelError("Upload", "文件中还有错误，请修改后重新上传");
            return Page();
        }

        var problems = await sessions.AddInviteesAsync(Session, rows.Select(r => r.Invitee!).ToList(), cancellationToken);
        if (problems.Count > 0)
        {
            ModelState.AddModelError("Upload", problems[0].Message);
            return Page();
        }

        TempData["Notice"] = $"已导入受邀人员 {rows.Count} 名";
        return RedirectToPage("Details", new { id });
    }

    private async Task<IActionResult?> LoadAsync(int id, CancellationToken cancellationToken)
    {
        if (await sessions.FindAsync(access.Visible(db.Sessions), id, cancellationToken) is not { } session)
        {
            return NotFound();
        }

        Session = session;
        return access.Organises(session) ? null : Forbid();
    }

    /// <summary>Every row with its problems; null (the reason beside the upload) when the file cannot be read.</summary>
    private List<Row>? Check(byte[] content, string extension)
    {
        var file = SheetReader.Read(content, extension, Columns, MaxRows);
        if (file.Problem is { } unreadable)
        {
            ModelState.AddModelError("Upload", unreadable.Kind switch
            {
                SheetProblemKind.MissingColumns => $"表头缺少列：{unreadable.Args[0]}",
                SheetProblemKind.TooManyRows => $"一次最多导入 {MaxRows} 行",
                SheetProblemKind.NoRows or SheetProblemKind.Empty => "文件中没有人员数据",
                _ => "无法读取该文件，请使用 .xlsx 或 .csv 文件",
            });
            return null;
        }

        var rows = new List<Row>();
        var seen = new HashSet<string>(Session.Invitees.Select(i => i.Name + "|" + i.UnitName));
        var ids = new HashSet<string>(Session.Invitees.Where(i => i.IdCard.Length > 0).Select(i => i.IdCard));
        foreach (var line in file.Rows)
        {
            var (name, unit, email, mobile, idCard) = (line["姓名"].Trim(), line["单位"].Trim(), line["邮箱"].Trim(), line["手机"].Trim(), line["身份证号"].Trim().ToUpperInvariant());
            var problems = People.Problems(name, unit, email, mobile, idCard);
            if (problems.Count == 0 && !seen.Add(name + "|" + unit))
            {
                problems.Add("该人员已在受邀名单中");
            }
            else if (problems.Count == 0 && idCard.Length > 0 && !ids.Add(idCard))
            {
                problems.Add("该身份证号码已在受邀名单中");
            }

            rows.Add(new Row(line.Line, name, unit, email, problems, problems.Count > 0 ? null : new Invitee
            {
                Name = name,
                UnitName = unit,
                Email = email.Length == 0 ? null : email,
                Mobile = mobile.Length == 0 ? null : mobile,
                IdCard = idCard,
            }));
        }

        return rows;
    }

    internal sealed record Row(int Line, string Name, string Unit, string Email, List<string> Problems, Invitee? Invitee);
}
