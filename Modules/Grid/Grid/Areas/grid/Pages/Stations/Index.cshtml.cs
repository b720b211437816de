using System.ComponentModel.DataAnnotations;
using Emergency.BuildingBlocks.Access;
using Emergency.BuildingBlocks.Tenancy;
using Emergency.Grid.Data;
using Emergency.Grid.Domain;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Emergency.Grid.Areas.grid.Pages.Stations;

/// <summary>村（社区）应急服务站 and their staff (at least one), kept by the township.</summary>
internal sealed class IndexModel(GridDbContext db, GridAccess access, ICountyUnits units) : PageModel
{
    public IReadOnlyList<ServiceStation> Stations { get; private set; } = [];

    public IReadOnlyList<UnitInfo> Villages { get; private set; } = [];

    public bool CanManage { get; private set; }

    [BindProperty]
    public StationInput Input { get; set; } = new();

    [BindProperty]
    public StaffInput Staff { get; set; } = new();

    [TempData]
    public string? Notice { get; set; }

    /// <summary>The station being edited (name, address, phone and its staff list), or null.</summary>
    [BindProperty]
    public EditInput? Edit { get; set; }

    public async Task OnGetAsync(int? edit, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (edit is { } id && CanManage && Stations.FirstOrDefault(s => s.Id == id) is { } station)
        {
            Edit = new EditInput
            {
                Id = station.Id, Name = station.Name, Address = station.Address, Phone = station.Phone,
                Staff = station.Staff.OrderBy(p => p.Id).Select(p => new StaffRow { Id = p.Id, Name = p.Name, Mobile = p.Mobile, Post = p.Post }).Append(new StaffRow()).ToList(),
            };
        }
    }

    /// <summary>Saves a station's name, address, phone and staff list: rows edited, rows marked removed, a new row filled in; at least one stays.</summary>
    [RequirePermission(GridModule.Manage)]
    public async Task<IActionResult> OnPostEditAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CanManage)
        {
            return Forbid();
        }

        if (Edit is null || Stations.FirstOrDefault(s => s.Id == Edit.Id) is null)
        {
            return NotFound();
        }

        ModelState.Clear();
        var kept = new List<StaffRow>();
        TryValidateModel(Edit, nameof(Edit));
        for (var i = 0; i < Edit.Staff.Count; i++)
        {
            var row = Edit.Staff[i];
            var blank = string.IsNullOrWhiteSpace(row.Name) && string.IsNullOrWhiteSpace(row.Mobile) && string.IsNullOrWhiteSpace(row.Post);
            if (row.Remove || (row.Id is null && blank))
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(row.Name) || row.Name.Trim().Length > 50)
            {
                ModelState.AddModelError($"Edit.Staff[{i}].Name", "请填写姓名（不超过 50 个字）");
            }

            if (row.Mobile is null || !System.Text.RegularExpressions.Regex.IsMatch(row.Mobile.Trim(), "^1[0-9]{10}$"))
            {
                ModelState.AddModelError($"Edit.Staff[{i}].Mobile", "手机号应为 11 位数字");
            }

            if (row.Post?.Trim().Length > 50)
            {
                ModelState.AddModelError($"Edit.Staff[{i}].Post", "岗位不能超过 50 个字");
            }

            kept.Add(row);
        }

        if (kept.Count == 0)
        {
            ModelState.AddModelError("Edit.Staff", "服务站至少要有 1 名工作人员");
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var station = await db.Stations.Include(s => s.Staff).SingleAsync(s => s.Id == Edit.Id, cancellationToken);
        station.Name = Edit.Name!.Trim();
        station.Address = Edit.Address?.Trim() ?? "";
        station.Phone = Edit.Phone?.Trim() ?? "";
        foreach (var person in station.Staff.ToList())
        {
            if (kept.FirstOrDefault(k => k.Id == person.Id) is { } row)
            {
                person.Name = row.Name!.Trim();
                person.Mobile = row.Mobile!.Trim();
                person.Post = row.Post?.Trim() ?? "";
            }
            else
            {
                station.Staff.Remove(person);
            }
        }

        foreach (var row in kept.Where(k => k.Id is null || station.Staff.All(p => p.Id != k.Id)))
        {
            station.Staff.Add(new StationStaff { Name = row.Name!.Trim(), Mobile = row.Mobile!.Trim(), Post = row.Post?.Trim() ?? "" });
        }

        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已保存应急服务站：{station.Name}";
        return RedirectToPage();
    }

    [RequirePermission(GridModule.Manage)]
    public async Task<IActionResult> OnPostStationAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CanManage)
        {
            return Forbid();
        }

        ModelState.Clear();
        Edit = null;
        if (!TryValidateModel(Input, nameof(Input)))
        {
            return Page();
        }

        var village = Villages.FirstOrDefault(v => v.Id == Input.VillageId);
        if (village is null)
        {
            ModelState.AddModelError("Input.VillageId", "只能为本乡镇的村（社区）设立服务站");
            return Page();
        }

        var station = new ServiceStation
        {
            TownshipId = village.ParentId ?? 0,
            VillageId = village.Id,
            Name = Input.Name!.Trim(),
            Address = Input.Address?.Trim() ?? "",
            Phone = Input.Phone?.Trim() ?? "",
        };
        station.Staff.Add(new StationStaff { Name = Input.StaffName!.Trim(), Mobile = Input.StaffMobile!.Trim(), Post = "站长" });
        db.Stations.Add(station);
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已设立应急服务站：{station.Name}";
        return RedirectToPage();
    }

    [RequirePermission(GridModule.Manage)]
    public async Task<IActionResult> OnPostStaffAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (!CanManage)
        {
            return Forbid();
        }

        ModelState.Clear();
        Edit = null;
        if (!TryValidateModel(Staff, nameof(Staff)))
        {
            return Page();
        }

        var station = Stations.FirstOrDefault(s => s.Id == Staff.StationId);
        if (station is null)
        {
            return NotFound();
        }

        db.StationStaff.Add(new StationStaff { StationId = station.Id, Name = Staff.Name!.Trim(), Mobile = Staff.Mobile!.Trim(), Post = Staff.Post?.Trim() ?? "" });
        await db.SaveChangesAsync(cancellationToken);
        Notice = $"已为{station.Name}添加工作人员：{Staff.Name!.Trim()}";
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanManage = access.ManagesAny;
        Villages = access.OwnVillages(await units.VillagesAsync(access.County, cancellationToken));
        var stations = access.Visible(db.Stations.AsNoTracking().Include(s => s.Staff), GridAccess.Stations);
        Stations = await stations.OrderBy(s => s.VillageId).Take(500).ToListAsync(cancellationToken);
    }

    internal sealed class StationInput
    {
        [Required(ErrorMessage = "请选择村（社区）")]
        public int? VillageId { get; set; }

        [Required(ErrorMessage = "请填写服务站名称")]
        [StringLength(100, ErrorMessage = "名称不能超过 100 个字")]
        public string? Name { get; set; }

        [StringLength(200, ErrorMessage = "地址不能超过 200 个字")]
        public string? Address { get; set; }

        [StringLength(20, ErrorMessage = "电话不能超过 20 个字符")]
        public string? Phone { get; set; }

        [Required(ErrorMessage = "服务站至少要有 1 名工作人员：请填写站长姓名")]
        [StringLength(50, ErrorMessage = "姓名不能超过 50 个字")]
        public string? StaffName { get; set; }

        [Required(ErrorMessage = "请填写站长手机号")]
        [RegularExpression("^1[0-9]{10}$", ErrorMessage = "手机号应为 11 位数字")]
        public string? StaffMobile { get; set; }
    }

    internal sealed class EditInput
    {
        public int Id { get; set; }

        [Required(ErrorMessage = "请填写服务站名称")]
        [StringLength(100, ErrorMessage = "名称不能超过 100 个字")]
        public string? Name { get; set; }

        [StringLength(200, ErrorMessage = "地址不能超过 200 个字")]
        public string? Address { get; set; }

        [StringLength(20, ErrorMessage = "电话不能超过 20 个字符")]
        public string? Phone { get; set; }

        public List<StaffRow> Staff { get; set; } = [];
    }

    internal sealed class StaffRow
    {
        public int? Id { get; set; }

        public string? Name { get; set; }

        public string? Mobile { get; set; }

        public string? Post { get; set; }

        public bool Remove { get; set; }
    }

    internal sealed class StaffInput
    {
        public int StationId { get; set; }

        [Required(ErrorMessage = "请填写姓名")]
        [StringLength(50, ErrorMessage = "姓名不能超过 50 个字")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "请填写手机号")]
        [RegularExpression("^1[0-9]{10}$", ErrorMessage = "手机号应为 11 位数字")]
        public string? Mobile { get; set; }

        [StringLength(50, ErrorMessage = "岗位不能超过 50 个字")]
        public string? Post { get; set; }
    }
}
