using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ParHub.Web.Data;
using ParHub.Web.Features.Agencies;
using ParHub.Web.Features.Demo;

namespace ParHub.Web.App;

/// <summary>
/// The <c>./parhub</c> command line. Without a command it serves the web application. JSON goes to stdout,
/// logs and messages to stderr; exit code 0 on success, 1 on a user error, 2 on bad usage.
/// </summary>
public static class Cli
{
    public const string Help = """
        ParHub – hệ thống quản lý cải cách hành chính

        Cách dùng: ./parhub [lệnh] [tùy chọn]

          serve [--urls URL]                   chạy ứng dụng web (mặc định, http://127.0.0.1:5080)
          db migrate                           áp dụng các bản cập nhật cơ sở dữ liệu
          demo [--reset] [--scale small|large] nạp dữ liệu mẫu (--reset: xóa dữ liệu cũ)
          users list [--json]                  liệt kê tài khoản
          users add --username U --password P --role ROLE [--agency MÃ] [--name "Họ tên"]
          users reset-password --username U --password P
          users lock --username U | users unlock --username U   khóa / mở khóa (có ghi nhật ký; phiên và mã truy cập dừng ngay)
          users token --username U [--name TÊN] tạo mã truy cập API cá nhân (in ra một lần)
          agencies list --json                 in danh mục cơ quan dạng JSON
          timeframe "cụm từ" [--year YYYY | --period YYYY-YYYY]
                                               đọc thời hạn ("Quý I/2018", "Trước ngày 30/6"…) ra JSON
          plan extract TỆP [--year YYYY]       đọc kế hoạch (.docx, .xlsx, .txt, .md) ra JSON, không ghi CSDL
          plan import TỆP [--year YYYY]        nhập kế hoạch vào CSDL (nhập lại thì cập nhật, không nhân đôi)
          report periods --regime KEY --year YYYY --json
                                               kỳ báo cáo, hạn nộp và thời gian chốt số liệu (cv581, haiphong-2018, hanoi-2019)
          scoring compute TỆP.json            tính điểm Chỉ số CCHC (không dùng CSDL), in JSON theo từng cơ quan
          framework extract TỆP --json         đọc bảng tiêu chí của bộ chỉ số (.docx, .xlsx, .txt, .md) ra JSON
          framework import TỆP --year YYYY [--code MÃ] [--group NHÓM] [--title TÊN]
                                               lưu bộ chỉ số (JSON hoặc bảng có điểm tối đa) sau khi kiểm tra
          report form show [KEY] | report form add TỆP.json
                                               xem mẫu báo cáo (JSON) / thêm phiên bản mới của mẫu
          report rates --regime KEY --period CODE [--as-of YYYY-MM-DD] --json
                                               tình hình nộp báo cáo của kỳ: phải nộp, đúng hạn, muộn, chưa nộp
          digest [--date YYYY-MM-DD]           gửi thư nhắc hằng ngày (nhiệm vụ sắp đến hạn, quá hạn)
          timeframe --stdin                    đọc từng dòng "NĂM<TAB>cụm từ", in mỗi dòng một JSON
          --help                               hướng dẫn này

        Vai trò (ROLE): Admin, Coordinator, Leader, AgencyOfficer, Appraiser, Viewer
        Cấu hình: PARHUB_DATA_DIR (mặc định ./data), PARHUB_DB (chuỗi kết nối PostgreSQL; khi có thì dùng PostgreSQL).
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        var command = args.FirstOrDefault();
        if (command is "--help" or "-h" or "help")
        {
            Console.WriteLine(Help);
            return 0;
        }
        try
        {
            switch (command)
            {
                case null:
                case var c when c.StartsWith("--", StringComparison.Ordinal):
                    return await ServeAsync(args);
                case "serve":
                    return await ServeAsync(args[1..]);
                case "db" when args.ElementAtOrDefault(1) == "migrate":
                    return await WithServices(args[2..], initialize: false, MigrateAsync);
                case "db" when args.ElementAtOrDefault(1) == "script":
                    return await WithServices(args[2..], initialize: false, (sp, _) =>
                    {
                        Console.WriteLine(sp.GetRequiredService<ParHubDbContext>().Database.GenerateCreateScript());
                        return Task.FromResult(0);
                    });
                case "demo":
                    return await WithServices(args[1..], initialize: false, DemoAsync);
                case "users":
                    return await WithServices(args[1..], initialize: true, UsersAsync);
                case "plan" when args.ElementAtOrDefault(1) == "import":
                    return await WithServices(args[2..], initialize: true, PlanImportAsync);
                case "plan" when args.ElementAtOrDefault(1) == "extract":
                    return PlanExtractCommand(args[2..]);
                case "digest":
                    return await WithServices(args[1..], initialize: true, async (sp, a) =>
                    {
                        var o = Options.Parse(a);
                        var day = o.Get("date") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd") : DateOnly.FromDateTime(DateTime.Today);
                        var result = await sp.GetRequiredService<Features.Notifications.Reminders>().SendDigestAsync(day);
                        // The command line does not wait for the server's outbox worker: it sends what it queued now.
                        await sp.GetRequiredService<Features.Notifications.OutboxSender>().SendDueAsync();
                        PrintJson(result);
                        return 0;
                    });
                case "report" when args.ElementAtOrDefault(1) == "periods":
                {
                    var o = Options.Parse(args[2..]);
                    var regime = Core.Reports.ReportRegime.Find(o.Require("regime"))
                        ?? throw new CliError($"Không có chế độ báo cáo “{o.Get("regime")}”. Có: {string.Join(", ", Core.Reports.ReportRegime.Presets.Select(r => r.Key))}.");
                    var year = int.TryParse(o.Require("year"), out var yy) && yy is >= 1990 and <= 2100 ? yy : throw new CliError("--year phải là năm (YYYY).");
                    PrintJson(regime.Periods(year).Select(p => new
                    {
                        period = p.Code, label = p.Label, due = Features.Plans.TimeframeJson.Iso(p.Due),
                        cutoffFrom = Features.Plans.TimeframeJson.Iso(p.CutoffFrom), cutoffTo = Features.Plans.TimeframeJson.Iso(p.CutoffTo),
                    }));
                    return 0;
                }
                case "scoring" when args.ElementAtOrDefault(1) == "compute":
                    return ScoringComputeCommand(args[2..]);
                case "framework" when args.ElementAtOrDefault(1) == "import":
                    return await WithServices(args[2..], initialize: true, FrameworkImportAsync);
                case "framework" when args.ElementAtOrDefault(1) == "extract":
                    return FrameworkExtractCommand(args[2..]);
                case "report" when args.ElementAtOrDefault(1) == "form":
                    return await WithServices(args[2..], initialize: true, ReportFormAsync);
                case "report" when args.ElementAtOrDefault(1) == "rates":
                    return await WithServices(args[2..], initialize: true, ReportRatesAsync);
                case "timeframe":
                    return TimeframeCommand(args[1..]);
                case "agencies" when args.ElementAtOrDefault(1) == "list":
                    return await WithServices(args[2..], initialize: true, AgenciesListAsync);
                default:
                    Console.Error.WriteLine($"Lệnh không hợp lệ: {string.Join(' ', args)}\n\n{Help}");
                    return 2;
            }
        }
        catch (CliError e)
        {
            Console.Error.WriteLine("Lỗi: " + e.Message);
            return 1;
        }
    }

    private static async Task<int> ServeAsync(string[] args)
    {
        var hasUrls = args.Any(a => a == "--urls" || a.StartsWith("--urls=", StringComparison.Ordinal))
            || !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("ASPNETCORE_URLS"));
        var app = ParHubApp.Build(hasUrls ? args : [.. args, "--urls", ParHubApp.DefaultUrl]);
        app.Lifetime.ApplicationStarted.Register(() =>
            Console.Error.WriteLine($"ParHub đang chạy tại {string.Join(", ", app.Urls)} (Ctrl+C để dừng)"));
        await app.RunAsync();
        return 0;
    }

    private static async Task<int> WithServices(string[] args, bool initialize, Func<IServiceProvider, string[], Task<int>> run)
    {
        var builder = ParHubApp.CreateBuilder([]);
        var app = builder.Build();
        using var scope = app.Services.CreateScope();
        if (initialize) await StartupTasks.InitializeAsync(scope.ServiceProvider, app.Configuration);
        return await run(scope.ServiceProvider, args);
    }

    private static void PrintJson<T>(T value) => Console.WriteLine(JsonSerializer.Serialize(value, Json.Options));

    private static readonly JsonSerializerOptions IndentedFormJson = new(Features.Reports.ReportSetup.FormJson)
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static async Task<int> MigrateAsync(IServiceProvider sp, string[] args)
    {
        var migrator = sp.GetRequiredService<Migrator>();
        var applied = await migrator.MigrateAsync();
        await sp.GetRequiredService<DemoSeeder>().EnsureRolesAsync();
        PrintJson(new
        {
            provider = sp.GetRequiredService<DatabaseSettings>().Provider.ToString(),
            applied,
            current = await migrator.AppliedAsync(),
        });
        return 0;
    }

    private static async Task<int> DemoAsync(IServiceProvider sp, string[] args)
    {
        var opts = Options.Parse(args);
        var scale = opts.Get("scale") switch
        {
            null or "small" => DemoScale.Small,
            "large" => DemoScale.Large,
            var s => throw new CliError($"--scale phải là small hoặc large (không phải “{s}”)."),
        };
        var seeder = sp.GetRequiredService<DemoSeeder>();
        await sp.GetRequiredService<Migrator>().MigrateAsync();
        if (opts.Has("reset")) await seeder.ResetAsync();
        else if (!await seeder.IsEmptyAsync())
            throw new CliError("Cơ sở dữ liệu đã có dữ liệu. Dùng --reset để xóa và nạp lại dữ liệu mẫu.");
        await seeder.SeedAsync(scale);
        var db = sp.GetRequiredService<ParHubDbContext>();
        PrintJson(new
        {
            scale = scale.ToString().ToLowerInvariant(), agencies = await db.Agencies.CountAsync(), users = await db.Users.CountAsync(),
            plans = await db.Plans.CountAsync(), tasks = await db.PlanTasks.CountAsync(),
        });
        Console.Error.WriteLine(StartupTasks.DemoLogins());
        return 0;
    }

    /// <summary>
    /// <c>timeframe "phrase" [--year YYYY | --period YYYY-YYYY]</c> prints one JSON object;
    /// <c>timeframe --stdin</c> reads lines "YYYY&lt;TAB&gt;phrase" (or "YYYY-YYYY&lt;TAB&gt;phrase") and prints one object per line.
    /// Pure: no database.
    /// </summary>
    private static int TimeframeCommand(string[] args)
    {
        var jsonLine = new System.Text.Json.JsonSerializerOptions(Json.Options) { WriteIndented = false };
        if (args.Contains("--stdin"))
        {
            string? line;
            var n = 0;
            while ((line = Console.In.ReadLine()) is not null)
            {
                n++;
                if (line.Length == 0) continue;
                var tab = line.IndexOf('\t');
                if (tab < 0) throw new CliError($"Dòng {n}: cần dạng NĂM<TAB>cụm từ.");
                Core.Plans.TimeframeContext ctx;
                try { ctx = Core.Plans.TimeframeContext.Parse(line[..tab]); }
                catch (FormatException) { throw new CliError($"Dòng {n}: “{line[..tab]}” không phải năm (YYYY) hay giai đoạn (YYYY-YYYY)."); }
                var t = Core.Plans.TimeframeParser.Parse(line[(tab + 1)..], ctx);
                Console.WriteLine(JsonSerializer.Serialize(Features.Plans.TimeframeJson.From(t), jsonLine));
            }
            return 0;
        }
        var phrase = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
            ?? throw new CliError("Dùng: ./parhub timeframe \"cụm từ\" [--year YYYY] | --stdin");
        var opts = Options.Parse(args.Where(a => a != phrase).ToArray());
        var context = opts.Get("period") is { } period ? Core.Plans.TimeframeContext.Parse(period)
            : new Core.Plans.TimeframeContext(opts.Get("year") is { } y && int.TryParse(y, out var year) ? year : DateTime.Today.Year);
        PrintJson(Features.Plans.TimeframeJson.From(Core.Plans.TimeframeParser.Parse(phrase, context)));
        return 0;
    }

    /// <summary>The FILE and --year of <c>plan extract|import</c>, the file read into a draft; errors in Vietnamese.</summary>
    private static (string File, int? Year, Core.Plans.PlanDraft Draft) ReadPlanFile(string[] args, string verb)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal))
            ?? throw new CliError($"Dùng: ./parhub plan {verb} TỆP [--year YYYY]");
        var opts = Options.Parse(args.Where(a => a != file).ToArray());
        int? year = opts.Get("year") is { } y ? int.TryParse(y, out var v) ? v : throw new CliError("--year phải là năm (YYYY).") : null;
        if (!File.Exists(file)) throw new CliError($"Không tìm thấy tệp “{file}”.");
        if (new FileInfo(file).Length > Features.Plans.PlanFileReader.MaxBytes) throw new CliError("Tệp vượt quá 20 MB.");
        try
        {
            using var stream = File.OpenRead(file);
            return (file, year, Features.Plans.PlanFileReader.Read(file, stream, year));
        }
        catch (Shared.Office.UnreadableFileException e) { throw new CliError(e.Message); }
    }

    /// <summary><c>plan extract FILE [--year YYYY]</c>: the plan, its targets and tasks as JSON; no database.</summary>
    private static int PlanExtractCommand(string[] args)
    {
        var (_, year, draft) = ReadPlanFile(args, "extract");
        var resolver = new Core.Agencies.AgencyPhraseResolver(Features.Demo.DemoProvince.DirectoryEntries());
        PrintJson(Features.Plans.PlanExtractJson.From(draft, resolver, year));
        return 0;
    }

    /// <summary><c>plan import FILE [--year YYYY]</c>: stores the plan (same rules as the web import) and prints a summary.</summary>
    private static async Task<int> PlanImportAsync(IServiceProvider sp, string[] args)
    {
        var (file, year, draft) = ReadPlanFile(args, "import");
        if (draft.Tasks.Count == 0) throw new CliError(string.Join(" ", draft.Warnings));
        var importer = sp.GetRequiredService<Features.Plans.PlanImporter>();
        var (plan, rows) = Features.Plans.PlanImporter.FromDraft(draft, year, Path.GetFileName(file));
        var preview = await importer.CheckAsync(plan, rows);
        if (!preview.CanApply) throw new CliError(string.Join(" ", preview.Errors));
        var result = await importer.ApplyAsync(preview);
        PrintJson(new
        {
            result.PlanId, result.Created, result.TasksAdded, result.TasksUpdated, result.TasksRemoved, result.Flagged,
            flags = preview.Rows.Where(r => r.Flags.Count > 0).Select(r => new { no = r.Row.No, r.Flags }),
        });
        return 0;
    }

    /// <summary><c>report form show KEY</c> prints the newest version as JSON; <c>report form add FILE</c> stores a new version.</summary>
    private static async Task<int> ReportFormAsync(IServiceProvider sp, string[] args)
    {
        var setup = sp.GetRequiredService<Features.Reports.ReportSetup>();
        await setup.EnsurePresetsAsync();
        switch (args.FirstOrDefault())
        {
            case "show":
                var (_, form) = await setup.LatestFormAsync(args.ElementAtOrDefault(1) ?? Core.Reports.ReportForm.CchcKey);
                Console.WriteLine(JsonSerializer.Serialize(form, IndentedFormJson));
                return 0;
            case "add" when args.Length > 1:
                Core.Reports.ReportForm? def;
                try { def = JsonSerializer.Deserialize<Core.Reports.ReportForm>(await File.ReadAllTextAsync(args[1]), Features.Reports.ReportSetup.FormJson); }
                catch (JsonException e) { throw new CliError($"Tệp mẫu báo cáo không đọc được: {e.Message}"); }
                if (def is null) throw new CliError("Tệp mẫu báo cáo rỗng.");
                try
                {
                    var row = await setup.AddVersionAsync(def);
                    PrintJson(new { key = row.Key, version = row.Version, title = row.Title });
                    return 0;
                }
                catch (FormatException e) { throw new CliError(e.Message); }
            default:
                throw new CliError("Dùng: report form show [KEY] | report form add TỆP.json");
        }
    }

    /// <summary><c>scoring compute FILE.json</c>: the PAR Index engine alone, no database; a JSON array per agency.</summary>
    private static int ScoringComputeCommand(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? throw new CliError("Dùng: scoring compute TỆP.json");
        if (!File.Exists(file)) throw new CliError($"Không có tệp {file}.");
        try
        {
            var (framework, agencies, ids) = Core.Scoring.ScoringJson.Parse(File.ReadAllText(file));
            Console.WriteLine(Core.Scoring.ScoringJson.Write(Core.Scoring.ScoringEngine.Compute(framework, agencies), ids));
            return 0;
        }
        catch (FormatException e) { throw new CliError(e.Message); }
    }

    /// <summary><c>framework extract FILE --json</c>: an index framework's table as <c>{"nodes":[{"code","title","parent","max"}]}</c>.</summary>
    private static int FrameworkExtractCommand(string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? throw new CliError("Dùng: framework extract TỆP --json");
        if (!File.Exists(file)) throw new CliError($"Không có tệp {file}.");
        try
        {
            using var stream = File.OpenRead(file);
            var nodes = Features.ParIndex.Frameworks.FrameworkFileReader.Read(file, stream);
            if (args.Contains("--json"))
                PrintJson(new { nodes = nodes.Select(n => new { code = n.Code, title = n.Title, parent = n.Parent, max = n.Max }) });
            else foreach (var n in nodes) Console.WriteLine($"{n.Code ?? "·",-8} {n.Max?.ToString() ?? "",6}  {n.Title}");
            return 0;
        }
        catch (Shared.Office.UnreadableFileException e) { throw new CliError(e.Message); }
    }

    /// <summary>
    /// <c>framework import FILE --year Y [--code C] [--group G] [--title T]</c>: a framework from JSON (the
    /// <c>framework</c> object of <c>scoring compute</c>, or that object alone) or from a table (.docx, .xlsx, .txt, .md:
    /// criteria without children are scored <c>manual</c> out of the table's max points), validated, stored.
    /// </summary>
    private static async Task<int> FrameworkImportAsync(IServiceProvider sp, string[] args)
    {
        var file = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal)) ?? throw new CliError("Dùng: framework import TỆP --year YYYY [--code MÃ] [--group NHÓM] [--title TÊN]");
        var o = Options.Parse(args.Where(a => a != file).ToArray());
        if (!File.Exists(file)) throw new CliError($"Không có tệp {file}.");
        var year = int.TryParse(o.Require("year"), out var y) ? y : throw new CliError("--year phải là năm (YYYY).");
        Core.Scoring.Framework framework;
        try
        {
            using var stream = File.OpenRead(file);
            framework = Features.ParIndex.Frameworks.FrameworkFileReader.ReadFramework(file, stream, o.Get("code"), o.Get("title"));
        }
        catch (FormatException e) { throw new CliError(e.Message); }
        catch (Shared.Office.UnreadableFileException e) { throw new CliError(e.Message); }
        try
        {
            var row = await sp.GetRequiredService<Features.ParIndex.Frameworks.AddFramework>()
                .RunAsync(new Features.ParIndex.Frameworks.AddFrameworkRequest(framework, year, o.Get("group") ?? "SBN", Illustrative: false));
            PrintJson(new { id = row.Id, code = row.Code, year = row.Year, nodes = framework.Nodes.Count, scored = framework.Nodes.Count(n => n.Rule is not null) });
            return 0;
        }
        catch (Features.ParIndex.IndexRuleException e) { throw new CliError(e.Message); }
    }

    private static async Task<int> ReportRatesAsync(IServiceProvider sp, string[] args)
    {
        var o = Options.Parse(args);
        var setup = sp.GetRequiredService<Features.Reports.ReportSetup>();
        await setup.EnsurePresetsAsync();
        var regime = await setup.RegimeAsync(o.Require("regime")) ?? throw new CliError($"Không có chế độ báo cáo “{o.Get("regime")}”.");
        var period = regime.Period(o.Require("period")) ?? throw new CliError($"Kỳ “{o.Get("period")}” không thuộc chế độ {regime.Setting.Key} (ví dụ {regime.Regime.Periods(2024)[0].Code}).");
        var asOf = o.Get("as-of") is { } d ? DateOnly.ParseExact(d, "yyyy-MM-dd") : VietnamTime.Today(sp.GetRequiredService<TimeProvider>());
        var view = await sp.GetRequiredService<Features.Reports.ReportQueries>().RatesAsync(regime, period, asOf);
        if (o.Has("json")) PrintJson(Features.Reports.ReportApi.ToDto(view));
        else
        {
            var t = view.Totals;
            Console.WriteLine($"{period.Label}: phải nộp {t.Expected}, đã nộp {t.Submitted}, đúng hạn {t.OnTime}, muộn {t.Late}, chưa nộp {t.Missing + t.NotYetDue}");
            foreach (var r in view.Rows) Console.WriteLine($"  {Core.Reports.ReportingRates.Label(r.State),-24} {r.Agency.Name}");
        }
        return 0;
    }

    private static async Task<int> AgenciesListAsync(IServiceProvider sp, string[] args)
    {
        var list = await AgencyApi.QueryAsync(sp.GetRequiredService<AgencyQueries>(), null, null, null, null, CancellationToken.None);
        if (Options.Parse(args).Has("json")) PrintJson(list);
        else foreach (var a in list) Console.WriteLine($"{a.Id,5}  {a.Code,-14} {a.Kind,-18} {a.Name}");
        return 0;
    }

    private static async Task<int> UsersAsync(IServiceProvider sp, string[] args)
    {
        var users = sp.GetRequiredService<UserManager<AppUser>>();
        var db = sp.GetRequiredService<ParHubDbContext>();
        var accounts = sp.GetRequiredService<Features.Admin.Users.UserAccounts>();
        var sub = args.FirstOrDefault();
        var opts = Options.Parse(args.Skip(1).ToArray());
        switch (sub)
        {
            case "list":
            {
                var rows = new List<object>();
                foreach (var u in await db.Users.Include(u => u.Agency).OrderBy(u => u.UserName).ToListAsync())
                {
                    var roles = await users.GetRolesAsync(u);
                    rows.Add(new { userName = u.UserName, fullName = u.FullName, roles, agency = u.Agency?.Code, lockedOut = await users.IsLockedOutAsync(u) });
                }
                if (opts.Has("json")) PrintJson(rows);
                else foreach (dynamic r in rows) Console.WriteLine($"{r.userName,-16} {string.Join(",", r.roles),-16} {r.agency,-10} {r.fullName}");
                return 0;
            }
            case "add":
            {
                var userName = opts.Require("username");
                var role = opts.Require("role");
                if (!Roles.All.Contains(role)) throw new CliError($"Vai trò “{role}” không hợp lệ. Chọn một trong: {string.Join(", ", Roles.All)}.");
                int? agencyId = null;
                if (opts.Get("agency") is { } code)
                    agencyId = (await db.Agencies.SingleOrDefaultAsync(a => a.Code == code))?.Id
                        ?? throw new CliError($"Không có cơ quan mã “{code}”.");
                if (role == Roles.AgencyOfficer && agencyId is null) throw new CliError("Cán bộ đầu mối phải gắn với một cơ quan (--agency MÃ).");
                await Accounts(() => accounts.CreateAsync(new(userName, opts.Get("name") ?? userName, opts.Get("email"), role, agencyId, opts.Require("password"), false)));
                PrintJson(new { userName, role, agency = opts.Get("agency"), created = true });
                return 0;
            }
            case "reset-password":
            {
                var user = await Accounts(() => accounts.ResetPasswordAsync(opts.Require("username"), opts.Require("password")));
                PrintJson(new { userName = user.UserName, passwordReset = true });
                return 0;
            }
            case "lock":
            case "unlock":
            {
                // Like the admin page: audited, and every session and token of the user stops on its next request.
                var user = await Accounts(() => accounts.SetLockedAsync(opts.Require("username"), sub == "lock"));
                PrintJson(new { userName = user.UserName, locked = sub == "lock" });
                return 0;
            }
            case "token":
            {
                // A personal API token for an integration (or a benchmark), printed once.
                var user = await users.FindByNameAsync(opts.Require("username")) ?? throw new CliError("Không tìm thấy tài khoản.");
                var token = Features.Account.ApiTokenHandler.NewToken();
                db.ApiTokens.Add(new ApiToken
                {
                    UserId = user.Id, Name = opts.Get("name") ?? "CLI", TokenHash = Features.Account.ApiTokenHandler.Hash(token),
                    Prefix = token[..10], CreatedAt = DateTime.UtcNow,
                });
                sp.GetRequiredService<Features.Audit.AuditLog>().Record("create", "ApiToken", token[..10], user.AgencyId,
                    $"Tạo mã truy cập API cho {user.UserName} từ dòng lệnh", []);
                await db.SaveChangesAsync();
                PrintJson(new { userName = user.UserName, token });
                return 0;
            }
            default:
                throw new CliError("Dùng: users list | users add … | users reset-password … | users lock|unlock --username U | users token …");
        }
    }

    private static async Task<AppUser> Accounts(Func<Task<AppUser>> change)
    {
        try { return await change(); }
        catch (Features.Admin.Users.AccountException e) { throw new CliError(e.Message); }
    }

    private sealed class CliError(string message) : Exception(message);

    /// <summary>--name value / --name=value / --flag.</summary>
    private sealed class Options
    {
        private readonly Dictionary<string, string?> values = new();

        public static Options Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                if (!args[i].StartsWith("--", StringComparison.Ordinal)) throw new CliError($"Tham số không hợp lệ: {args[i]}");
                var key = args[i][2..];
                if (key.Split('=', 2) is [var k, var v]) { o.values[k] = v; continue; }
                o.values[key] = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null;
            }
            return o;
        }

        public bool Has(string key) => values.ContainsKey(key);
        public string? Get(string key) => values.GetValueOrDefault(key);
        public string Require(string key) => Get(key) ?? throw new CliError($"Thiếu tham số --{key}.");
    }
}
