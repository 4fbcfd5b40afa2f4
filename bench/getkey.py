# The Python snippet from Mobivate's documentation, with the URL and CA bundle
# taken from the environment so the benchmark can point it at the mock API.
import os

import requests

url = os.environ["MOBIVATE_BASE_URL"] + "/auth/getkey"
payload = {"username": "demo@example.com", "password": "demo-password"}
response = requests.post(url, json=payload, verify=os.environ.get("BENCH_CA", True))
print(response.json()["apiKey"])
