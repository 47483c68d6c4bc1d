using System.Net;
using System.Text.Json;
using DrLambdas.DrLab.Control;
using DrLambdas.DrLab.Dns;
using DrLambdas.DrLab.Iam;
using DrLambdas.DrLab.Protocol;
using DrLambdas.DrLab.Services;
using DrLambdas.DrLab.World;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace DrLambdas.DrLab;

/// <summary>Builds the lab's web application: one port on 127.0.0.1 for the AWS APIs, the applications and /_lab.</summary>
internal static class LabHost
{
    public static WebApplication Build(LabOptions options, TimeProvider time)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, options.Port));

        var definition = new WorldDefinition(options.PrimaryRegion, options.SecondaryRegion, options.PrimarySetIdentifier, options.SecondarySetIdentifier);
        var world = new LabWorld(definition, options.Profile, options.ObserverRegion, time, options.FaultSeed, options.Clients);

        // Created by a factory so that disposing the application also closes the DNS server's socket.
        builder.Services.AddSingleton(_ => new LabDnsServer(world, options.DnsPort));
        var app = builder.Build();
        var dns = app.Services.GetRequiredService<LabDnsServer>();
        var iam = new IamRegistry(ReadyDocuments.AccessKeyId, ReadyDocuments.SecretAccessKey);
        var verifier = new SigV4Verifier(iam.SecretOf, time);
        var authorizer = new CallAuthorizer(
        [
            new RdsAuthorization(), new SnsAuthorization(new WorldTopicKeyLookup()), new CloudWatchAuthorization(),
            new StepFunctionsAuthorization(), new Route53Authorization(), new SsmAuthorization(), new StsAuthorization(),
        ]);
        var gateway = new AwsGateway(world, verifier, iam, authorizer,
            [new RdsService(), new SnsService(), new CloudWatchService(), new StepFunctionsService(), new Route53Service(), new SsmService(), new StsService()]);

        ControlApi.Map(app, world, () => ReadyDocuments.Build(BaseUrl(app), world, world.Transact(s => s.ObserverRegion), Endpoint(dns)));
        DnsEndpoints.Map(app, world);
        TaskEndpoints.Map(app, world);
        IamEndpoints.Map(app, iam);
        AppHealthEndpoint.Map(app, world);
        app.MapWhen(
            context => !context.Request.Path.StartsWithSegments("/_lab") && !context.Request.Path.StartsWithSegments("/app"),
            aws => aws.Run(gateway.HandleAsync));
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            try
            {
                dns.Start();
            }
            catch (System.Net.Sockets.SocketException ex)
            {
                Console.Error.WriteLine($"--dns-port {options.DnsPort}: {ex.Message}");
                Environment.ExitCode = 2;
                app.Lifetime.StopApplication();
                return;
            }

            Console.Out.WriteLine(JsonSerializer.Serialize(
                ReadyDocuments.Build(BaseUrl(app), world, options.ObserverRegion, Endpoint(dns)), LabJsonContext.Default.ReadyDocument));
        });
        app.Lifetime.ApplicationStopping.Register(dns.Stop);
        return app;
    }

    private static DnsEndpointDocument Endpoint(LabDnsServer dns) => new(LabDnsServer.Address.ToString(), dns.Port);

    /// <summary>http://127.0.0.1:PORT with the port Kestrel actually bound.</summary>
    public static string BaseUrl(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address).GetLeftPart(UriPartial.Authority).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }
}
