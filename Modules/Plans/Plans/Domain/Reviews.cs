using Emergency.BuildingBlocks.Clock;
using Emergency.Plans.Data;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Plans.Domain;

/// <summary>A reviewer as posted: an expert from the experts copy (by its row id), or a name and unit entered by hand.</summary>
internal sealed record ReviewerInput(int? ExpertRowId, string? Name, string? Unit);

/// <summary>
/// 评审/论证 of a version before issue. The owner convenes a review (date, reviewers); a reviewer whose unit is the
/// plan's owner unit (or its enterprise) or who is among the version's 编制人 is refused with the reason (回避) and
/// nothing is written. Each reviewer's opinion (通过 / 修改后通过 / 不通过) is recorded; the conclusion is 通过 or 修改
/// (通过 only when no reviewer said 不通过). Which plans need a passed review before issue: <see cref="NeedsReview"/>.
/// </summary>
internal sealed class Reviews(PlansDbContext db, PlansAccess access, TimeProvider clock)
{
    /// <summary>
    /// Government 总体/专项, department, township 综合/专项 and enterprise 综合/专项 plans need a passed review for their
    /// first version and each 重大修订; a village 多合一 plan, an enterprise 现场处置方案 and the township 工作手册 do not.
    /// </summary>
    public static bool TypeNeedsReview(PlanType type) =>
        type is not (PlanType.VillageCombined or PlanType.EnterpriseOnSite or PlanType.TownshipManual);

    public static bool NeedsReview(Plan plan, PlanVersion version) =>
        TypeNeedsReview(plan.Type) && (version.Number == 1 || version.MajorRevision);

    public static Task<bool> PassedAsync(PlansDbContext db, int versionId, CancellationToken cancellationToken) =>
        db.Reviews.AnyAsync(r => r.VersionId == versionId && r.Conclusion == ReviewConclusion.Passed, cancellationToken);

    private static readonly char[] Separators = ['、', ',', '，', ';', '；', ' '];

    /// <summary>A unit name as compared for recusal: trimmed, full-width forms folded to half-width (NFKC), inner spaces dropped.</summary>
    public static string UnitKey(string? name) =>
        string.Concat((name ?? "").Normalize(System.Text.NormalizationForm.FormKC).Where(c => !char.IsWhiteSpace(c)));

    /// <summary>Why the reviewer must recuse (回避), or null.</summary>
    public static string? Recusal(Plan plan, PlanVersion version, string name, string unit, string employer = "")
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(version);
        foreach (var of in new[] { unit, employer })
        {
            var key = UnitKey(of);
            if (key.Length > 0 && (key == UnitKey(plan.OwnerName) || (plan.EnterpriseName.Length > 0 && key == UnitKey(plan.EnterpriseName))))
            {
                return $"{name}是预案编制单位（{of.Trim()}）人员，应当回避";
            }
        }

        return version.Author.Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(name)
            ? $"{name}是本版预案编制人，应当回避"
            : null;
    }

    public async Task<IReadOnlyList<Problem>> ConveneAsync(Plan plan, PlanVersion? version, DateOnly? heldOn, IReadOnlyList<ReviewerInput> input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(input);
        if (version is null || version.IssuedOn is not null)
        {
            return [new("", "只能评审尚未签发的版本")];
        }

        if (await db.Reviews.AnyAsync(r => r.VersionId == version.Id && r.Conclusion != ReviewConclusion.Revise, cancellationToken))
        {
            return [new("", $"第 {version.Number} 版已有评审")];
        }

        var problems = new List<Problem>();
        var today = DateOnly.FromDateTime(ChinaTime.FromUtc(clock.GetUtcNow().UtcDateTime));
        if (heldOn is null)
        {
            problems.Add(new("Review.HeldOn", "请填写评审日期"));
        }
        else if (heldOn > today)
        {
            problems.Add(new("Review.HeldOn", "评审日期不能晚于今天"));
        }

        var ids = input.Where(r => r.ExpertRowId is not null).Select(r => r.ExpertRowId!.Value).ToList();
        var experts = await db.ReviewExperts.AsNoTracking().Where(e => ids.Contains(e.Id) && e.Active).ToDictionaryAsync(e => e.Id, cancellationToken);
        var reviewers = new List<PlanReviewer>();
        foreach (var r in input)
        {
            PlanReviewer reviewer;
            if (r.ExpertRowId is { } id)
            {
                if (!experts.TryGetValue(id, out var expert))
                {
                    problems.Add(new("Review.Reviewers", "所选专家不在专家库中或已退出"));
                    continue;
                }

                reviewer = new PlanReviewer { ExpertId = expert.ExpertId, Name = expert.Name, Unit = expert.Unit };
            }
            else
            {
                var name = r.Name?.Trim() ?? "";
                var unit = r.Unit?.Trim() ?? "";
                if (name.Length == 0 && unit.Length == 0)
                {
                    continue;
                }

                if (name.Length == 0 || name.Length > 50 || unit.Length == 0 || unit.Length > 100)
                {
                    problems.Add(new("Review.Reviewers", "请填写评审人员的姓名（50 字以内）和单位（100 字以内）"));
                    continue;
                }

                reviewer = new PlanReviewer { Name = name, Unit = unit };
            }

            if (Recusal(plan, version, reviewer.Name, reviewer.Unit, reviewer.ExpertId is { } eid && experts.Values.FirstOrDefault(x => x.ExpertId == eid) is { } copy ? copy.Employer : "") is { } why)
            {
                problems.Add(new("Review.Reviewers", why));
            }
            else if (reviewers.Any(x => x.Name == reviewer.Name && x.Unit == reviewer.Unit))
            {
                problems.Add(new("Review.Reviewers", $"{reviewer.Name}重复"));
            }
            else
            {
                reviewers.Add(reviewer);
            }
        }

        if (problems.Count == 0 && reviewers.Count == 0)
        {
            problems.Add(new("Review.Reviewers", "请至少选择或填写一名评审人员"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        db.Reviews.Add(new PlanReview
        {
            PlanId = plan.Id,
            VersionId = version.Id,
            HeldOn = heldOn!.Value,
            ConvenedBy = access.UserName,
            ConvenedAtUtc = clock.GetUtcNow().UtcDateTime,
            Reviewers = reviewers,
        });
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<Problem>> OpinionAsync(PlanReview review, int reviewerId, string? opinion, ReviewVerdict? verdict, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Conclusion != ReviewConclusion.Pending)
        {
            return [new("", "评审已作出结论")];
        }

        if (review.Reviewers.FirstOrDefault(r => r.Id == reviewerId) is not { } reviewer)
        {
            return [new("", "没有这名评审人员")];
        }

        var text = opinion?.Trim() ?? "";
        var problems = new List<Problem>();
        if (text.Length == 0 || text.Length > 2000)
        {
            problems.Add(new("Opinion.Text", "请填写评审意见（2000 字以内）"));
        }

        if (verdict is null || !Enum.IsDefined(verdict.Value))
        {
            problems.Add(new("Opinion.Verdict", "请选择评审结论：通过、修改后通过或不通过"));
        }

        if (problems.Count > 0)
        {
            return problems;
        }

        reviewer.Opinion = text;
        reviewer.Verdict = verdict;
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }

    public async Task<IReadOnlyList<Problem>> ConcludeAsync(PlanReview review, ReviewConclusion conclusion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(review);
        if (review.Conclusion != ReviewConclusion.Pending)
        {
            return [new("", "评审已作出结论")];
        }

        if (conclusion is not (ReviewConclusion.Passed or ReviewConclusion.Revise))
        {
            return [new("", "请选择评审结论")];
        }

        if (review.Reviewers.Any(r => r.Verdict is null))
        {
            return [new("", "还有评审人员的意见未录入")];
        }

        if (conclusion == ReviewConclusion.Passed && review.Reviewers.Any(r => r.Verdict == ReviewVerdict.Fail))
        {
            return [new("", "有评审人员意见为不通过，评审结论不能为通过")];
        }

        review.Conclusion = conclusion;
        review.ConcludedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return [];
    }
}
