using Emergency.BuildingBlocks.Access;
using System.Security.Cryptography;
using Emergency.Experts.Data;
using Emergency.Experts.Domain;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Experts.Areas.experts.Pages.Import;

/// <summary>
/// The county imports recommendation rows (推荐表 collected on paper or by mail) into a round: the file is
/// checked and every row's problems shown; a clean file is kept under a token and written, checked again,
/// in one transaction on 确认导入. A file with any problem writes nothing.
/// </summary>
[RequestFormLimits(MultipartBodyLengthLimit = 16 * 1024 * 1024)]
[RequestSizeLimit(16 * 1024 * 1024)]
[RequirePermission(ExpertsModule.Manage)]
internal sealed class IndexModel(ExpertsDbContext db, ExpertsAccess access, RecommendationImport import, TimeProvider clock) : PageModel
{
    public const long MaxFileBytes = 5 * 1024 * 1024;

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public IReadOnlyList<RecommendationRound> Rounds { get; private set; } = [];

    [BindProperty]
    public int? Round { get; set; }

    [BindProperty]
    public IFormFile? Upload { get; set; }

    [BindProperty]
    public string? Token { get; set; }

    public ImportPreview? Preview { get; private set; }

    public string? FileName { get; private set; }

    [TempData]
    public string? Notice { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        var round = Round is { } id ? await db.Rounds.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) : null;
        if (round is null)
        {
            ModelState.AddModelError(nameof(Round), "请选择推荐轮次");
        }

        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "请选择要导入的文件");
        }
        else if (!string.Equals(Path.GetExtension(Upload.FileName), ".xlsx", StringComparison.OrdinalIgnoreCase))
        {
            ModelState.AddModelError(nameof(Upload), "请上传 Excel（.xlsx）文件");
        }
        else if (Upload.Length > MaxFileBytes)
        {
            ModelState.AddModelError(nameof(Upload), "文件不能超过 5 MB");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        byte[] content;
        using (var buffer = new MemoryStream())
        {
            await Upload!.CopyToAsync(buffer, cancellationToken);
            content = buffer.ToArray();
        }

        FileName = Path.GetFileName(Upload.FileName);
        Preview = await import.PreviewAsync(round!, content, cancellationToken);
        if (Preview.FileProblem is { } problem)
        {
            ModelState.AddModelError(nameof(Upload), problem);
        }
        else if (Preview.IsClean)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.StagedImports.Where(s => s.UploadedAtUtc < now - Lifetime).ExecuteDeleteAsync(cancellationToken);
            Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));
            db.StagedImports.Add(new StagedImport
            {
                Token = Token,
                RoundId = round!.Id,
                FileName = FileName.Length > 200 ? FileName[..200] : FileName,
                Content = content,
                UploadedBy = access.UserName,
                UploadedAtUtc = now,
            });
            await db.SaveChangesAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostConfirmAsync(CancellationToken cancellationToken)
    {
        if (!access.IsCountyManager)
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var staged = Token is { Length: 32 } ? await db.StagedImports.FirstOrDefaultAsync(s => s.Token == Token, cancellationToken) : null;
        if (staged is null || staged.UploadedAtUtc < now - Lifetime)
        {
            ModelState.AddModelError(nameof(Upload), "预览已过期，请重新上传文件");
            return Page();
        }

        var round = await db.Rounds.AsNoTracking().SingleAsync(r => r.Id == staged.RoundId, cancellationToken);
        Round = round.Id;
        FileName = staged.FileName;

        // Checked again inside the write transaction: what was clean at preview may not be now.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var preview = await import.PreviewAsync(round, staged.Content, cancellationToken);
        db.StagedImports.Remove(staged);
        if (!preview.IsClean)
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            Preview = preview;
            Token = null;
            ModelState.AddModelError(nameof(Upload), "文件内容与预览时相比已有问题，未导入任何数据，请修改后重新上传");
            return Page();
        }

        var invited = await db.RoundUnits.Where(u => u.RoundId == round.Id).Select(u => u.UnitKey).ToListAsync(cancellationToken);
        foreach (var row in preview.Rows)
        {
            var candidate = row.Candidate!;
            db.Recommendations.Add(RecommendationRules.ToRecommendation(round.Id, candidate, access.UserName, now));
            if (!invited.Contains(candidate.UnitKey))
            {
                invited.Add(candidate.UnitKey);
                db.RoundUnits.Add(new RoundUnit { RoundId = round.Id, UnitKey = candidate.UnitKey, UnitName = candidate.UnitName });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        Notice = $"已导入 {preview.Rows.Count} 条推荐";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rounds = await db.Rounds.AsNoTracking().Where(r => r.Status == RoundStatus.Open).OrderByDescending(r => r.Id).ToListAsync(cancellationToken);
}
