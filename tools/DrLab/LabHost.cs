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
using Microsoft.AspNetCore.Server.Kestrel.Core;

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
        var origins = new RequestOrigins(options.WitnessRegion);
        ListenOptions? witnessListener = null;
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, options.Port);
            if (options.WitnessRegion is not null)
            {
                // The witness Region's network: any free port, told apart from the observer's by the local port.
                kestrel.Listen(IPAddress.Loopback, 0, listen => witnessListener = listen);
            }
        });

        var definition = new WorldDefinition(
            options.PrimaryRegion, options.SecondaryRegion, options.PrimarySetIdentifier, options.SecondarySetIdentifier, options.WitnessRegion);
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
            [new RdsService(), new SnsService(), new CloudWatchService(), new StepFunctionsService(), new Route53Service(), new SsmService(), new StsService()], origins);

        ControlApi.Map(app, world, () => ReadyDocuments.Build(
            BaseUrl(app), world, world.Transact(s => s.ObserverRegion), Endpoint(dns), WitnessUrl(origins)));
        DnsEndpoints.Map(app, world);
        TaskEndpoints.Map(app, world);
        IamEndpoints.Map(app, iam);
        AppHealthEndpoint.Map(app, world, origins);
        app.MapWhen(
            context => !context.Request.Path.StartsWithSegments("/_lab") && !context.Request.Path.StartsWithSegments("/app"),
            aws => aws.Run(gateway.HandleAsync));
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            if (witnessListener is not null)
            {
                origins.BindWitness(witnessListener.IPEndPoint!.Port);
            }

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
                ReadyDocuments.Build(BaseUrl(app), world, options.ObserverRegion, Endpoint(dns), WitnessUrl(origins)),
                LabJsonContext.Default.ReadyDocument));
        });
        app.Lifetime.ApplicationStopping.Register(dns.Stop);
        return app;
    }

    private static DnsEndpointDocument Endpoint(LabDnsServer dns) => new(LabDnsServer.Address.ToString(), dns.Port);

    /// <summary>http://127.0.0.1:PORT of the witness Region's network, null without a witness.</summary>
    private static string? WitnessUrl(RequestOrigins origins) =>
        origins.WitnessPort is { } port ? $"http://127.0.0.1:{port.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null;

    /// <summary>http://127.0.0.1:PORT with the port Kestrel actually bound.</summary>
    public static string BaseUrl(WebApplication app)
    {
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new Uri(address).GetLeftPart(UriPartial.Authority).Replace("[::1]", "127.0.0.1", StringComparison.Ordinal);
    }
}
