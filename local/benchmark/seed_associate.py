# The seed's Lambda function (shared/seeds/004, "AWSClientVPN-AssociatingSubnets", Python 3.13), kept as
# the article wrote it, with its two placeholders read from the environment and the endpoint URL passed
# explicitly, so the cold-start benchmark can run it against the same emulator as the Java functions.
# (Debian's python3-boto3 1.26 predates botocore's own AWS_ENDPOINT_URL_<SERVICE> support.) Never deployed.
import boto3
import os
import json


def lambda_handler(event, context):
    # Initialize the EC2 client
    ec2 = boto3.client('ec2', endpoint_url=os.environ.get('AWS_ENDPOINT_URL_EC2'))
    # Input parameters
    client_vpn_endpoint_id = os.environ['CLIENT_VPN_ENDPOINT_ID']
    subnet_id = os.environ['TARGET_SUBNET_IDS'].split(',')[0]
    try:
        # Describe the Client VPN endpoint to check its status
        endpoint_status_response = ec2.describe_client_vpn_endpoints(
            ClientVpnEndpointIds=[client_vpn_endpoint_id]
        )
        endpoint_status = endpoint_status_response['ClientVpnEndpoints'][0]['Status']['Code']
        print(f"Client VPN Endpoint Status: {endpoint_status}")
        # Check if the status is 'pending-associate'
        if endpoint_status.lower() == 'pending-associate':
            # Associate the Client VPN endpoint with the target subnet
            response = ec2.associate_client_vpn_target_network(
                ClientVpnEndpointId=client_vpn_endpoint_id,
                SubnetId=subnet_id
            )
            # Return response details
            return {
                'statusCode': 200,
                'headers': {'Content-Type': 'application/json'},
                'body': json.dumps({
                    'Message': 'Successfully associated Client VPN endpoint with subnet.',
                    'AssociationId': response['AssociationId'],
                    'Status': response['Status']
                })
            }
        else:
            return {
                'statusCode': 400,
                'headers': {'Content-Type': 'application/json'},
                'body': json.dumps({
                    'Message': f'Client VPN Endpoint is not in pending-associate state. Current status: {endpoint_status}'
                })
            }
    except Exception as e:
        print(f"Error associating Client VPN endpoint: {str(e)}")
        return {
            'statusCode': 500,
            'headers': {'Content-Type': 'application/json'},
            'body': json.dumps({
                'Message': 'Failed to associate Client VPN endpoint.',
                'Error': str(e)
            })
        }


if __name__ == '__main__':
    # One cold invocation: a new interpreter imports boto3, builds the client and calls the handler,
    # as a new Lambda execution environment would. With WARM_RUNS (local/benchmark/latency), it then reports
    # what the invocation called and the median of WARM_RUNS more, each from a fresh set-up, as PathRun does.
    import sys
    import time
    t0 = time.perf_counter()
    answer = lambda_handler({}, None)
    first_ms = (time.perf_counter() - t0) * 1000
    if len(sys.argv) < 2:
        print(json.dumps(answer))
    else:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
        import scenario
        first_calls = scenario.calls(int(os.environ.get('BENCH_SETUP_CALLS', '0')))
        warm = []
        for _ in range(int(sys.argv[1])):
            scenario.setup('seed')
            t = time.perf_counter()
            lambda_handler({}, None)
            warm.append((time.perf_counter() - t) * 1000)
        warm.sort()
        print(json.dumps(answer), file=sys.stderr)
        print(json.dumps({'firstMs': round(first_ms, 1), 'warmMedianMs': round(warm[len(warm) // 2], 1) if warm else None,
                          'firstCalls': first_calls}))
