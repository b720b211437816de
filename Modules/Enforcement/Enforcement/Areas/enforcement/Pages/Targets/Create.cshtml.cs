using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Enforcement.Data;
using Emergency.Enforcement.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Emergency.Enforcement.Areas.enforcement.Pages.Targets;

/// <summary>新增执法对象: one enterprise into the directory, in a township the user keeps; problems beside their fields.</summary>
[RequirePermission(EnforcementModule.Manage)]
internal sealed class CreateModel(EnforcementAccess access, Domain.Targets targets, ICountyUnits units) : PageModel
{
    public IReadOnlyList<UnitInfo> Townships { get; private set; } = [];

    [BindProperty]
    public TargetInput Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Townships = await access.TownshipsKeptAsync(units, cancellationToken);
        return Townships.Count == 0 ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Townships = await access.TownshipsKeptAsync(units, cancellationToken);
        if (Townships.Count == 0)
        {
            return Forbid();
        }

        var (added, problems) = await targets.AddAsync(
            new TargetDraft(Input.Name, Input.CreditCode, Input.Address, Input.TownshipId, Input.Industry, Input.Risk, Input.Standard, Input.Credit,
                Input.Kind switch { "key" => true, "general" => false, _ => null },
                Input.Jurisdiction switch { "township" => true, "county" => false, _ => null },
                Input.ContactMobile),
            Townships,
            access.UserName,
            cancellationToken);
        if (added is null)
        {
            ModelState.Clear();
            foreach (var problem in problems)
            {
                ModelState.AddModelError(problem.Field, problem.Message);
            }

            return Page();
        }

        TempData["Notice"] = $"已加入名录库：{added.Name}";
        return RedirectToPage("Index");
    }

    internal sealed class TargetInput
    {
        public string? Name { get; set; }

        public string? CreditCode { get; set; }

        public string? Address { get; set; }

        public int? TownshipId { get; set; }

        public string? Industry { get; set; }

        public RiskClass? Risk { get; set; }

        public StandardLevel? Standard { get; set; }

        public CreditClass? Credit { get; set; }

        /// <summary>"key" or "general".</summary>
        public string? Kind { get; set; } = "general";

        /// <summary>"county" or "township".</summary>
        public string? Jurisdiction { get; set; } = "county";

        public string? ContactMobile { get; set; }
    }
}
