# The Python snippet from Mobivate's documentation, with the base URL from argv
# and the CA bundle from BENCH_CA so the benchmark can point it at the mock API.
import os
import sys

import requests

url = sys.argv[1] + "/auth/getkey"
payload = {"username": "demo@example.com", "password": "demo-password"}
response = requests.post(url, json=payload, verify=os.environ.get("BENCH_CA", True))
print(response.json()["apiKey"])
